package io.streamplane.core;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs a task again and again on a daemon thread of its own, a fixed delay after each run ends. A
 * run that fails is logged and the next run comes as usual.
 */
public final class PeriodicTask implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PeriodicTask.class);
    private final String name;
    private final Duration delay;
    private final Runnable task;
    private final ScheduledExecutorService scheduler;

    public PeriodicTask(String name, Duration delay, Runnable task) {
        this.name = name;
        this.delay = delay;
        this.task = task;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            var thread = new Thread(r, name);
            thread.setDaemon(true);
            return thread;
        });
    }

    public void start() {
        scheduler.scheduleWithFixedDelay(this::runOnce, delay.toMillis(), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void runOnce() {
        try {
            task.run();
        } catch (RuntimeException e) {
            LOG.error("{} failed; it runs again in {} ms", name, delay.toMillis(), e);
        }
    }

    /**
     * Lets the run in progress finish and runs no more. It is not interrupted: interrupting a run in
     * the middle of a read of the embedded database makes the database close its files.
     */
    @Override
    public void close() {
        scheduler.shutdown();
        try {
            scheduler.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
