package io.streamplane.api.protocol;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One request at a time per signature: a copy of a change that arrives while the first is still
 * running waits, and then finds the first one's answer.
 */
public final class InFlightSignatures {
    private final ConcurrentHashMap<String, ReentrantLock> locks = new ConcurrentHashMap<>();

    /** A hold on the signature, released on close. */
    public interface Hold extends AutoCloseable {
        @Override
        void close();
    }

    public Hold hold(String signature) {
        while (true) {
            ReentrantLock lock = locks.computeIfAbsent(signature, s -> new ReentrantLock());
            lock.lock();
            // The lock may have been let go and dropped from the map while this thread waited for it.
            if (locks.get(signature) == lock) {
                return () -> {
                    locks.remove(signature, lock);
                    lock.unlock();
                };
            }
            lock.unlock();
        }
    }
}
