package io.streamplane.core.operation;

/**
 * How one kind of operation runs its steps (named in the operation itself) and what happens when
 * it ends. Every step must be idempotent: after a restart the step in progress runs again.
 */
public interface OperationPlan {

    void runStep(String stepName, ClusterOperation operation) throws Exception;

    void onComplete(ClusterOperation operation);

    void onFailure(ClusterOperation operation, Exception cause);
}
