package io.streamplane.core.connect;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/** Deadlines and the pause between looks, for every wait on a worker or on Connect. */
final class ConnectorWaits {
    private static final Duration POLL = Duration.ofMillis(500);
    private final Clock clock;
    private final Duration readinessTimeout;

    ConnectorWaits(Clock clock, Duration readinessTimeout) {
        this.clock = clock;
        this.readinessTimeout = readinessTimeout;
    }

    /** When a wait that starts now gives up. */
    Instant deadline() {
        return clock.instant().plus(readinessTimeout);
    }

    boolean before(Instant deadline) {
        return clock.instant().isBefore(deadline);
    }

    Duration readinessTimeout() {
        return readinessTimeout;
    }

    void until(Instant deadline, Supplier<Boolean> condition, String what) {
        while (!condition.get()) {
            if (!before(deadline)) {
                throw new IllegalStateException("Timed out after " + readinessTimeout.toSeconds()
                        + " s waiting for " + what);
            }
            pause();
        }
    }

    /** The pause between two looks; an interruption (shutdown) ends the wait with an exception. */
    void pause() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }
}
