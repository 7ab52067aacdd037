package io.streamplane.core.operation;

/**
 * Told of every point an operation passes, right after the engine recorded it: a step completed, or
 * the operation ended (recorded with its outcome). What crash tests stop the server at.
 */
public interface OperationObserver {
    OperationObserver NONE = new OperationObserver() {
    };

    /** A step was recorded complete: {@code completedSteps} of the operation's {@code steps} are. */
    default void stepCompleted(String operationType, int completedSteps, int steps) {
    }

    /** The operation's end and its outcome were recorded. */
    default void ended(String operationType) {
    }
}
