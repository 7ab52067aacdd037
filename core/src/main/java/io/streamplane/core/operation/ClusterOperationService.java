package io.streamplane.core.operation;

import io.streamplane.core.Page;
import io.streamplane.core.cluster.ClusterStore;
import io.streamplane.core.error.NotFound;

import java.util.Optional;

/** Reads cluster operations, for DescribeClusterOperation(V2) and ListClusterOperations(V2). */
public final class ClusterOperationService {
    private final OperationStore store;
    private final ClusterStore clusters;

    public ClusterOperationService(OperationStore store, ClusterStore clusters) {
        this.store = store;
        this.clusters = clusters;
    }

    public ClusterOperation describe(String operationArn) {
        return store.findOperation(operationArn)
                .orElseThrow(() -> new NotFound("The cluster operation " + operationArn + " does not exist"));
    }

    public Page<ClusterOperation> list(String clusterArn, Optional<Integer> maxResults, Optional<String> nextToken) {
        if (clusters.findCluster(clusterArn).isEmpty()) {
            throw new NotFound("The cluster " + clusterArn + " does not exist");
        }
        return Page.of(store.operations(clusterArn), maxResults, nextToken);
    }
}
