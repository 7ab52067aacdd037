package io.streamplane.core.connect;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One piece of work at a time on a connector's workers: creating, updating, deleting and the
 * periodic check each take the connector's lock, so none sees the workers half changed by another.
 */
final class ConnectorLocks {
    private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();

    /** Runs {@code work} once no other work on the connector runs. */
    void exclusively(String connectorArn, Runnable work) {
        var lock = lockOf(connectorArn);
        lock.lock();
        try {
            work.run();
        } finally {
            lock.unlock();
        }
    }

    /** Runs {@code work} unless other work on the connector runs now; whether it ran. */
    boolean ifFree(String connectorArn, Runnable work) {
        var lock = lockOf(connectorArn);
        if (!lock.tryLock()) {
            return false;
        }
        try {
            work.run();
            return true;
        } finally {
            lock.unlock();
        }
    }

    void forget(String connectorArn) {
        locks.remove(connectorArn);
    }

    private ReentrantLock lockOf(String connectorArn) {
        return locks.computeIfAbsent(connectorArn, arn -> new ReentrantLock());
    }
}
