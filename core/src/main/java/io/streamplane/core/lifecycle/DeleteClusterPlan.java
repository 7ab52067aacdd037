package io.streamplane.core.lifecycle;

import io.streamplane.core.cluster.ClusterState;
import io.streamplane.core.cluster.ClusterStore;
import io.streamplane.core.cluster.NodeFleet;
import io.streamplane.core.cluster.StateInfo;
import io.streamplane.core.operation.ClusterOperation;
import io.streamplane.core.operation.ClusterOutcome;
import io.streamplane.core.operation.OperationPlan;
import io.streamplane.core.operation.Step;
import io.streamplane.core.operation.StepAction;
import io.streamplane.core.operation.StepKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Tears a cluster down: brokers first, then controllers, then its files; then it is forgotten. */
public final class DeleteClusterPlan implements OperationPlan<DeleteClusterPlan.Kind, ClusterOperation, ClusterOutcome> {
    /** The steps of a deletion; STOP_CONTROLLERS stops the metadata quorum, ZooKeeper's servers on a ZooKeeper cluster. */
    public enum Kind implements StepKind {
        STOP_BROKERS, STOP_CONTROLLERS, DELETE_NODE_FILES;
    }

    /** The steps, in order. */
    public static final List<Step<Kind>> STEPS = Arrays.stream(Kind.values()).map(Step::of).toList();
    private static final Logger LOG = LoggerFactory.getLogger(DeleteClusterPlan.class);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final ClusterStore store;
    private final NodeFleet fleet;

    public DeleteClusterPlan(ClusterStore store, NodeFleet fleet) {
        this.store = store;
        this.fleet = fleet;
    }

    @Override
    public Class<Kind> stepKinds() {
        return Kind.class;
    }

    @Override
    public StepAction action(Step<Kind> step, ClusterOperation operation) {
        var found = store.findCluster(operation.clusterArn());
        if (found.isEmpty()) {
            return () -> { };
        }
        var cluster = found.get();
        return switch (step.kind()) {
            case STOP_BROKERS -> () -> fleet.stopBrokers(cluster, STOP_TIMEOUT);
            case STOP_CONTROLLERS -> () -> fleet.stopQuorum(cluster, STOP_TIMEOUT);
            case DELETE_NODE_FILES -> () -> fleet.deleteFiles(cluster);
        };
    }

    @Override
    public ClusterOutcome completed(ClusterOperation operation) {
        return ClusterOutcome.removed();
    }

    @Override
    public ClusterOutcome failed(ClusterOperation operation, Exception cause) {
        return ClusterOutcome.of(store.findCluster(operation.clusterArn()).map(cluster -> cluster.withState(
                ClusterState.FAILED, Optional.of(new StateInfo("CLUSTER_DELETION_FAILED",
                        String.valueOf(cause.getMessage())))).withActiveOperation(Optional.empty())));
    }

    @Override
    public void afterEnd(ClusterOperation operation, Optional<Exception> failure) {
        if (failure.isEmpty()) {
            LOG.info("Cluster {} deleted", operation.clusterArn());
        }
    }
}
