package io.streamplane.core.operation;

import io.streamplane.core.cluster.Cluster;
import io.streamplane.core.cluster.ClusterNode;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where cluster operations are kept, with the cluster changes that open them: each method that
 * changes more than one thing does so in one transaction, so a crash never leaves a cluster
 * without the operation that explains it.
 */
public interface OperationStore extends OperationJournal<ClusterOperation, ClusterOutcome> {

    /** Inserts a new cluster with its nodes, tags and creating operation; Conflict if the name is taken. */
    void createCluster(Cluster cluster, List<ClusterNode> nodes, Map<String, String> tags, ClusterOperation operation);

    /** Updates the cluster and inserts the operation that will act on it, atomically. */
    void startOperation(Cluster cluster, ClusterOperation operation);

    void updateOperation(ClusterOperation operation);

    /**
     * Updates the ended operation and writes its outcome on the cluster, atomically; a removal takes
     * the cluster's nodes, SCRAM associations and tags with it, and its operations stay readable.
     */
    void endOperation(ClusterOperation operation, ClusterOutcome outcome);

    Optional<ClusterOperation> findOperation(String operationArn);

    /** The cluster's operations, newest first. */
    List<ClusterOperation> operations(String clusterArn);

    List<ClusterOperation> unfinishedOperations();

    @Override
    default Optional<ClusterOperation> find(String operationArn) {
        return findOperation(operationArn);
    }

    @Override
    default void save(ClusterOperation operation) {
        updateOperation(operation);
    }

    @Override
    default void end(ClusterOperation operation, ClusterOutcome outcome) {
        endOperation(operation, outcome);
    }

    @Override
    default List<ClusterOperation> unfinished() {
        return unfinishedOperations();
    }
}
