package io.streamplane.core;

import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/** Waits for a condition with a deadline, and says what was awaited when the deadline passes. */
public final class Poll {
    private Poll() {
    }

    public static void until(String awaited, Duration timeout, Duration interval, BooleanSupplier condition)
            throws TimeoutException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("Timed out after " + timeout.toSeconds() + " s waiting for " + awaited);
            }
            Thread.sleep(interval.toMillis());
        }
    }
}
