package io.streamplane.core.cluster;

import io.streamplane.core.operation.ClusterOperation;
import io.streamplane.core.operation.OperationPlan;
import io.streamplane.core.port.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Tears a cluster down: brokers first, then controllers, then its files; then it is forgotten. */
public final class DeleteClusterPlan implements OperationPlan {
    public static final String STOP_BROKERS = "STOP_BROKERS";
    public static final String STOP_CONTROLLERS = "STOP_CONTROLLERS";
    public static final String DELETE_NODE_FILES = "DELETE_NODE_FILES";
    /** The steps, in order. */
    public static final List<String> STEPS = List.of(STOP_BROKERS, STOP_CONTROLLERS, DELETE_NODE_FILES);
    private static final Logger LOG = LoggerFactory.getLogger(DeleteClusterPlan.class);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final Store store;
    private final NodeFleet fleet;

    public DeleteClusterPlan(Store store, NodeFleet fleet) {
        this.store = store;
        this.fleet = fleet;
    }

    @Override
    public void runStep(String stepName, ClusterOperation operation) {
        var found = store.findCluster(operation.clusterArn());
        if (found.isEmpty()) {
            return;
        }
        var cluster = found.get();
        switch (stepName) {
            case STOP_BROKERS -> fleet.stop(cluster, NodeRole.BROKER, STOP_TIMEOUT);
            case STOP_CONTROLLERS -> fleet.stop(cluster, NodeRole.CONTROLLER, STOP_TIMEOUT);
            case DELETE_NODE_FILES -> fleet.deleteFiles(cluster);
            default -> throw new IllegalArgumentException("Unknown step " + stepName);
        }
    }

    @Override
    public void onComplete(ClusterOperation operation) {
        store.deleteCluster(operation.clusterArn());
        LOG.info("Cluster {} deleted", operation.clusterArn());
    }

    @Override
    public void onFailure(ClusterOperation operation, Exception cause) {
        store.findCluster(operation.clusterArn()).ifPresent(cluster -> store.updateCluster(
                cluster.withState(ClusterState.FAILED, Optional.of(new StateInfo("CLUSTER_DELETION_FAILED",
                        String.valueOf(cause.getMessage())))).withActiveOperation(Optional.empty())));
    }
}
