package io.streamplane.core.health;

import io.streamplane.core.cluster.Cluster;
import io.streamplane.core.cluster.ClusterState;
import io.streamplane.core.cluster.ClusterStore;
import io.streamplane.core.cluster.NodeFleet;
import io.streamplane.core.cluster.StateInfo;
import io.streamplane.core.kafka.InternalBootstrap;
import io.streamplane.core.kafka.KafkaClusterProbe;
import io.streamplane.core.kafka.ZooKeeperProbe;
import io.streamplane.core.operation.ClusterOperation;
import io.streamplane.core.operation.ClusterOutcome;
import io.streamplane.core.operation.OperationPlan;
import io.streamplane.core.operation.Step;
import io.streamplane.core.operation.StepAction;
import io.streamplane.core.operation.StepKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Self-healing: starts the nodes that died again, with their data (or rebuilt empty under the same
 * id when their data is gone), then waits until every broker serves and every partition is fully
 * replicated again. The cluster is HEALING meanwhile and ACTIVE after.
 */
public final class HealingPlan implements OperationPlan<HealingPlan.Kind, ClusterOperation, ClusterOutcome> {
    /** The steps of a healing. */
    public enum Kind implements StepKind {
        /** Starts one node again, formatted afresh if its data is gone. */
        RESTORE_NODE {
            @Override
            public boolean onNode() {
                return true;
            }
        },
        /** Waits until the restored nodes serve and every partition is in sync. */
        AWAIT_IN_SYNC;
    }

    private static final Logger LOG = LoggerFactory.getLogger(HealingPlan.class);
    private final ClusterStore store;
    private final NodeFleet fleet;
    private final KafkaClusterProbe probe;
    private final Duration catchUpTimeout;

    public HealingPlan(ClusterStore store, NodeFleet fleet, KafkaClusterProbe probe, Duration catchUpTimeout) {
        this.store = store;
        this.fleet = fleet;
        this.probe = probe;
        this.catchUpTimeout = catchUpTimeout;
    }

    /** One step per node to restore, in the order given (controllers first), then the catch-up. */
    public static List<Step<Kind>> steps(List<Integer> nodeIds) {
        var steps = new ArrayList<Step<Kind>>();
        nodeIds.forEach(id -> steps.add(Step.onNode(Kind.RESTORE_NODE, id)));
        steps.add(Step.of(Kind.AWAIT_IN_SYNC));
        return List.copyOf(steps);
    }

    @Override
    public Class<Kind> stepKinds() {
        return Kind.class;
    }

    @Override
    public StepAction action(Step<Kind> step, ClusterOperation operation) {
        Cluster cluster = store.findCluster(operation.clusterArn()).orElseThrow();
        return switch (step.kind()) {
            case RESTORE_NODE -> () -> fleet.restore(cluster, step.node());
            case AWAIT_IN_SYNC -> () -> awaitInSync(cluster, restoredNodes(operation));
        };
    }

    private void awaitInSync(Cluster cluster, List<Integer> restored) throws Exception {
        for (var server : fleet.zookeeperServers(cluster)) {
            if (restored.contains(server.nodeId())) {
                ZooKeeperProbe.awaitServing(server.host(), server.port(), catchUpTimeout,
                        () -> !fleet.isRunning(cluster, server.nodeId()));
                fleet.requireRunning(cluster, server.nodeId());
            }
        }
        for (var broker : fleet.brokers(cluster)) {
            if (restored.contains(broker.nodeId())) {
                probe.awaitAnswering(new InternalBootstrap(broker.replicationEndpoint(),
                        cluster.spec().security().inCluster(), cluster.uuid()), catchUpTimeout,
                        () -> !fleet.isRunning(cluster, broker.nodeId()));
                fleet.requireRunning(cluster, broker.nodeId());
            }
        }
        fleet.awaitBrokersServing(cluster, catchUpTimeout, () -> false);
        try (var admin = probe.connect(fleet.bootstrapServers(cluster))) {
            for (int controllerId : fleet.controllerIds(cluster)) {
                if (restored.contains(controllerId)) {
                    admin.awaitControllerCaughtUp(controllerId, fleet.startedAt(cluster, controllerId).toEpochMilli(),
                            catchUpTimeout, () -> !fleet.isRunning(cluster, controllerId));
                    fleet.requireRunning(cluster, controllerId);
                }
            }
            admin.awaitFullyReplicated("after the restored nodes rejoined", catchUpTimeout);
        }
    }

    private static List<Integer> restoredNodes(ClusterOperation operation) {
        return operation.steps().stream().map(s -> Step.parse(Kind.class, s.name()))
                .filter(s -> s.kind() == Kind.RESTORE_NODE).map(Step::node).toList();
    }

    @Override
    public ClusterOutcome completed(ClusterOperation operation) {
        return ClusterOutcome.of(store.findCluster(operation.clusterArn()).map(Cluster::settled));
    }

    /** The cluster stays HEALING, saying why; the health monitor tries again a little later. */
    @Override
    public ClusterOutcome failed(ClusterOperation operation, Exception cause) {
        return ClusterOutcome.of(store.findCluster(operation.clusterArn()).map(cluster -> cluster.withState(
                ClusterState.HEALING, Optional.of(new StateInfo("NODE_RESTORE_FAILED", operation.errorInfo()
                        .map(e -> e.errorString()).orElse(String.valueOf(cause.getMessage())))))
                .withActiveOperation(Optional.empty())));
    }

    @Override
    public void afterEnd(ClusterOperation operation, Optional<Exception> failure) {
        if (failure.isEmpty()) {
            store.findCluster(operation.clusterArn()).ifPresent(cluster -> LOG.info(
                    "Cluster {} healed: every node runs and every partition is in sync", cluster.name()));
        }
    }
}
