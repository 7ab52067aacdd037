package io.streamplane.core.operation;

/**
 * How one kind of operation runs its steps and what happens when it ends. The plan owns its step
 * kinds ({@code K}) and the lists of steps its operations take. Every step must be idempotent:
 * after a restart the step in progress runs again.
 *
 * @param <O> the operations it runs (cluster or connector operations)
 */
public interface OperationPlan<K extends Enum<K> & StepKind, O> {

    /** The plan's step kinds, to read an operation's steps back. */
    Class<K> stepKinds();

    /** What the step does; a switch over {@code step.kind()}, so that no kind goes unhandled. */
    StepAction action(Step<K> step, O operation);

    /** Work after the last step, before the operation counts as complete: a throw fails it instead. */
    default void finish(O operation) throws Exception {
    }

    void onComplete(O operation);

    void onFailure(O operation, Exception cause);

    /** How the operation reports the failure {@code cause}. */
    default ErrorInfo failure(Exception cause) {
        String code = cause instanceof java.util.concurrent.TimeoutException ? "TIMEOUT" : "INTERNAL_ERROR";
        return new ErrorInfo(code, cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage());
    }
}
