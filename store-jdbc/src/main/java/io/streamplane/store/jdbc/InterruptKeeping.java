package io.streamplane.store.jdbc;

import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.HandleCallbackDecorator;

/**
 * Gives a thread back the interrupt it carried into a database call. H2's {@code retry:} file
 * system survives an interrupt by clearing it and reopening its file; without this, an operation
 * that shutdown interrupted would write its state and then run on as if never asked to stop.
 */
final class InterruptKeeping implements HandleCallbackDecorator {
    @Override
    public <R, X extends Exception> HandleCallback<R, X> decorate(HandleCallback<R, X> callback) {
        return handle -> {
            boolean interrupted = Thread.currentThread().isInterrupted();
            try {
                return callback.withHandle(handle);
            } finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        };
    }
}
