package io.streamplane.core.operation;

/**
 * How one kind of operation runs its steps and what happens when it ends. The plan owns its step
 * kinds ({@code K}) and the lists of steps its operations take. Every step must be idempotent:
 * after a restart the step in progress runs again.
 */
public interface OperationPlan<K extends Enum<K> & StepKind> {

    /** The plan's step kinds, to read an operation's steps back. */
    Class<K> stepKinds();

    /** What the step does; a switch over {@code step.kind()}, so that no kind goes unhandled. */
    StepAction action(Step<K> step, ClusterOperation operation);

    void onComplete(ClusterOperation operation);

    void onFailure(ClusterOperation operation, Exception cause);
}
