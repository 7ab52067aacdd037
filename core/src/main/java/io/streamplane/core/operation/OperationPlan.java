package io.streamplane.core.operation;

import java.util.List;

/** The steps of one kind of operation and what happens when it ends. Every step must be idempotent. */
public interface OperationPlan {

    List<String> stepNames();

    void runStep(String stepName, ClusterOperation operation) throws Exception;

    void onComplete(ClusterOperation operation);

    void onFailure(ClusterOperation operation, Exception cause);
}
