package io.streamplane.runtime.local;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** The processes this runtime started, known by pid and start time. */
final class Processes {
    private Processes() {
    }

    /** The process if it still runs and is the one started then: pids are reused. */
    static Optional<ProcessHandle> handle(long pid, Instant startedAt) {
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(h -> h.info().startInstant()
                        .map(s -> Math.abs(s.toEpochMilli() - startedAt.toEpochMilli()) < 1000)
                        .orElse(false));
    }

    /** Whether the process ended within the timeout. */
    static boolean awaitExit(ProcessHandle handle, Duration timeout) {
        try {
            handle.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return !handle.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !handle.isAlive();
        }
    }
}
