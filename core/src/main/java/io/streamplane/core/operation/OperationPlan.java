package io.streamplane.core.operation;

import java.util.Optional;

/**
 * How one kind of operation runs its steps and what happens when it ends. The plan owns its step
 * kinds ({@code K}) and the lists of steps its operations take. Every step must be idempotent:
 * after a restart the step in progress runs again.
 *
 * <p>An operation ends in three parts: the plan says what the operation's resource becomes
 * ({@link #completed}, {@link #failed}); the journal records that with the operation's end in one
 * transaction; then {@link #afterEnd} does what the new state asks of processes (stopping the nodes
 * of a failed creation, for instance). A crash before the transaction resumes the operation; a
 * crash after it leaves the recorded state, which start-up recovery brings the processes to.
 *
 * @param <O> the operations it runs (cluster or connector operations)
 * @param <R> what an ending operation makes of its resource
 */
public interface OperationPlan<K extends Enum<K> & StepKind, O, R> {

    /** The plan's step kinds, to read an operation's steps back. */
    Class<K> stepKinds();

    /** What the step does; a switch over {@code step.kind()}, so that no kind goes unhandled. */
    StepAction action(Step<K> step, O operation);

    /** Work after the last step, before the operation counts as complete: a throw fails it instead. */
    default void finish(O operation) throws Exception {
    }

    /** What the resource becomes now that {@code operation} completed. It writes nothing itself. */
    R completed(O operation);

    /** What the resource becomes now that {@code operation} failed with {@code cause}. It writes nothing itself. */
    R failed(O operation, Exception cause);

    /**
     * Work on processes once the end is recorded, {@code failure} saying why it failed if it did; it
     * writes neither the operation nor its resource. Not redone after a crash: the state recorded
     * is what start-up recovery acts on.
     */
    default void afterEnd(O operation, Optional<Exception> failure) {
    }

    /** How the operation reports the failure {@code cause}. */
    default ErrorInfo failure(Exception cause) {
        String code = cause instanceof java.util.concurrent.TimeoutException ? "TIMEOUT" : "INTERNAL_ERROR";
        return new ErrorInfo(code, cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage());
    }
}
