package io.streamplane.core.scaling;

import io.streamplane.core.PeriodicTask;
import io.streamplane.core.cluster.Cluster;
import io.streamplane.core.cluster.ClusterNode;
import io.streamplane.core.cluster.ClusterState;
import io.streamplane.core.cluster.ClusterStore;
import io.streamplane.core.cluster.NodeFleet;
import io.streamplane.core.kafka.KafkaClusterProbe;
import io.streamplane.core.operation.ClusterOperation;
import io.streamplane.core.operation.Launch;
import io.streamplane.core.operation.OperationLauncher;
import io.streamplane.core.operation.OperationType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Keeps the partitions of clusters with rebalancing ACTIVE balanced over their brokers: every so
 * often it asks {@link PartitionBalancer} whether replicas or preferred leaders are out of balance
 * and, if they are, opens a REBALANCE_PARTITIONS operation that moves them.
 */
public final class IntelligentRebalancing implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(IntelligentRebalancing.class);
    private final ClusterStore store;
    private final NodeFleet fleet;
    private final KafkaClusterProbe probe;
    private final OperationLauncher operations;
    private final PeriodicTask task;

    public IntelligentRebalancing(ClusterStore store, NodeFleet fleet, KafkaClusterProbe probe, OperationLauncher operations,
                                  Duration interval) {
        this.store = store;
        this.fleet = fleet;
        this.probe = probe;
        this.operations = operations;
        this.task = new PeriodicTask("rebalancing", interval, this::checkAll);
    }

    public void start() {
        task.start();
    }

    private void checkAll() {
        for (var cluster : store.listClusters()) {
            if (cluster.spec().rebalancingActive() && cluster.state() == ClusterState.ACTIVE
                    && cluster.activeOperationArn().isEmpty()) {
                try {
                    check(cluster);
                } catch (Exception e) {
                    // A cluster that cannot be read now is looked at again next time.
                    LOG.debug("Cannot check the balance of cluster {}", cluster.name(), e);
                }
            }
        }
    }

    private void check(Cluster cluster) throws Exception {
        var racks = fleet.brokers(cluster).stream().collect(Collectors.toMap(ClusterNode::nodeId, b -> b.zone().id()));
        try (var admin = probe.connect(fleet.bootstrapServers(cluster))) {
            var partitions = admin.partitionStates();
            // Replicas out of sync are being moved or repaired: balancing waits until that is over.
            if (partitions.stream().anyMatch(p -> p.isUnderReplicated())
                    || PartitionBalancer.balance(partitions, racks).isEmpty()) {
                return;
            }
        }
        rebalance(cluster.arn()).ifPresent(op ->
                LOG.info("Cluster {} is out of balance; rebalancing ({})", cluster.name(), op.arn()));
    }

    /**
     * Opens an operation that rebalances the cluster's partitions over its brokers, unless the
     * cluster became busy or not ACTIVE meanwhile. Its version stays: nothing a user asked for changes.
     */
    private Optional<ClusterOperation> rebalance(String clusterArn) {
        return operations.open(clusterArn, cluster -> cluster.state() == ClusterState.ACTIVE
                && cluster.activeOperationArn().isEmpty()
                ? Optional.of(Launch.of(OperationType.REBALANCE_PARTITIONS, BrokerCountPlan.rebalancingSteps(),
                        cluster.withState(ClusterState.UPDATING, cluster.stateInfo())))
                : Optional.empty());
    }

    /** Stops looking; the rebalancing running now, if any, is an operation and finishes or resumes. */
    @Override
    public void close() {
        task.close();
    }
}
