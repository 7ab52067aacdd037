package io.streamplane.core.operation;

import io.streamplane.core.Page;
import io.streamplane.core.error.NotFound;
import io.streamplane.core.port.Store;

import java.util.Optional;

/** Reads cluster operations, for DescribeClusterOperation(V2) and ListClusterOperations(V2). */
public final class ClusterOperationService {
    private final Store store;

    public ClusterOperationService(Store store) {
        this.store = store;
    }

    public ClusterOperation describe(String operationArn) {
        return store.findOperation(operationArn)
                .orElseThrow(() -> new NotFound("The cluster operation " + operationArn + " does not exist"));
    }

    public Page<ClusterOperation> list(String clusterArn, Optional<Integer> maxResults, Optional<String> nextToken) {
        if (store.findCluster(clusterArn).isEmpty()) {
            throw new NotFound("The cluster " + clusterArn + " does not exist");
        }
        return Page.of(store.operations(clusterArn), maxResults, nextToken);
    }
}
