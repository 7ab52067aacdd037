package io.streamplane.core;

import io.streamplane.core.error.InvalidRequest;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongSupplier;

/**
 * The memory this server may give the JVMs it runs (Kafka nodes, Connect workers), set by
 * {@code --max-memory}. A JVM counts its maximum heap and {@link #JVM_OVERHEAD_MEGABYTES} more for
 * what lives outside the heap (classes, compiled code, threads, buffers). Each kind of resource
 * claims what it holds; a request that would take the total beyond the limit is refused before
 * anything is written, saying how much is in use. Claims count what resources are to become (a
 * cluster being scaled out counts its target brokers), so two changes never both take the last
 * of the memory.
 */
public final class MemoryBudget {
    /** Measured: an idle Kafka controller with a 256 MiB heap holds about 160 MiB resident in all. */
    public static final int JVM_OVERHEAD_MEGABYTES = 128;
    private final long limitMegabytes;
    private final List<LongSupplier> claims = new CopyOnWriteArrayList<>();

    public MemoryBudget(long limitMegabytes) {
        if (limitMegabytes <= 0) {
            throw new IllegalArgumentException("The memory limit must be positive, got " + limitMegabytes + " MiB");
        }
        this.limitMegabytes = limitMegabytes;
    }

    /** What a JVM with this maximum heap counts for. */
    public static long jvm(int heapMegabytes) {
        return heapMegabytes + (long) JVM_OVERHEAD_MEGABYTES;
    }

    /** Adds a kind of resource, which says how many MiB its resources hold now. */
    public void addClaims(LongSupplier megabytesInUse) {
        claims.add(megabytesInUse);
    }

    public long limitMegabytes() {
        return limitMegabytes;
    }

    public long inUseMegabytes() {
        return claims.stream().mapToLong(LongSupplier::getAsLong).sum();
    }

    /**
     * Refuses, naming {@code member}, what would take {@code additionalMegabytes} more than the
     * limit leaves; {@code what} says what needs it ("The cluster's 6 brokers and 3 controllers").
     * Callers hold their own service's lock, so that no two of its requests pass on the same memory.
     */
    public synchronized void require(String member, String what, long additionalMegabytes) {
        if (additionalMegabytes <= 0) {
            return;
        }
        long inUse = inUseMegabytes();
        if (inUse + additionalMegabytes > limitMegabytes) {
            throw new InvalidRequest(member, what + ": " + additionalMegabytes + " MiB of memory needed, and "
                    + inUse + " MiB of the " + limitMegabytes + " MiB this server may give its Kafka nodes and "
                    + "Connect workers (--max-memory) are in use; " + Math.max(0, limitMegabytes - inUse)
                    + " MiB are free");
        }
    }
}
