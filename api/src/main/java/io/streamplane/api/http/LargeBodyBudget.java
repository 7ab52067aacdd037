package io.streamplane.api.http;

/**
 * The memory that request bodies larger than the part read before their credential is checked may
 * hold at once. Each such body reserves its declared length before it is read and gives it back
 * when its request is answered, so that many callers sending large bodies slowly cannot together
 * fill the heap.
 */
final class LargeBodyBudget {
    private final long capacity;
    private long reserved;

    LargeBodyBudget(long capacity) {
        this.capacity = capacity;
    }

    /** Reserves {@code bytes}; false, reserving nothing, when the budget cannot hold them now. */
    synchronized boolean tryReserve(long bytes) {
        if (reserved + bytes > capacity) {
            return false;
        }
        reserved += bytes;
        return true;
    }

    synchronized void release(long bytes) {
        reserved = Math.max(0, reserved - bytes);
    }
}
