package io.streamplane.core.scaling;

import io.streamplane.core.cluster.Cluster;
import io.streamplane.core.cluster.ClusterNode;
import io.streamplane.core.cluster.ClusterStore;
import io.streamplane.core.cluster.NodeFleet;
import io.streamplane.core.kafka.KafkaClusterProbe;
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
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Changes the number of brokers. Out: start the new brokers, then move a fair share of replicas
 * and leaderships onto them, so the new capacity is used at once. In: move every replica off the
 * brokers that go, then stop and unregister them. Moves are rack-aware and throttled.
 */
public final class BrokerCountPlan implements OperationPlan<BrokerCountPlan.Kind, ClusterOperation, ClusterOutcome> {
    /** The steps of a change of broker count, and of a rebalancing. */
    public enum Kind implements StepKind {
        /** Starts the brokers the spec adds and waits until they serve. */
        ADD_BROKERS,
        /**
         * Moves replicas and leaderships to a fair share on the brokers that stay, once it has found
         * that they are enough for every topic's replication factor.
         */
        REBALANCE_PARTITIONS,
        /** Stops a broker that holds no replica any more, and unregisters it. */
        REMOVE_BROKER {
            @Override
            public boolean onNode() {
                return true;
            }
        },
        /** Rewrites the remaining nodes' configuration (the controllers' view of the brokers). */
        WRITE_NODE_CONFIGURATION;
    }

    /** Replication bandwidth per broker for moving replicas; client traffic keeps the rest. */
    private static final long THROTTLE_BYTES_PER_SECOND = 50L * 1024 * 1024;
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);
    private static final Logger LOG = LoggerFactory.getLogger(BrokerCountPlan.class);

    private final ClusterStore store;
    private final NodeFleet fleet;
    private final KafkaClusterProbe probe;
    private final Duration timeout;

    public BrokerCountPlan(ClusterStore store, NodeFleet fleet, KafkaClusterProbe probe, Duration timeout) {
        this.store = store;
        this.fleet = fleet;
        this.probe = probe;
        this.timeout = timeout;
    }

    public static List<Step<Kind>> steps(int from, int to) {
        if (to > from) {
            return List.of(Step.of(Kind.ADD_BROKERS), Step.of(Kind.REBALANCE_PARTITIONS));
        }
        var steps = new ArrayList<>(rebalancingSteps());
        for (int id = from; id > to; id--) {
            steps.add(Step.onNode(Kind.REMOVE_BROKER, id));
        }
        steps.add(Step.of(Kind.WRITE_NODE_CONFIGURATION));
        return List.copyOf(steps);
    }

    /** The steps of a rebalancing the server opens by itself (intelligent rebalancing). */
    public static List<Step<Kind>> rebalancingSteps() {
        return List.of(Step.of(Kind.REBALANCE_PARTITIONS));
    }

    @Override
    public Class<Kind> stepKinds() {
        return Kind.class;
    }

    @Override
    public StepAction action(Step<Kind> step, ClusterOperation operation) {
        Cluster cluster = store.findCluster(operation.clusterArn()).orElseThrow();
        return switch (step.kind()) {
            case ADD_BROKERS -> () -> fleet.addBrokers(cluster, timeout);
            case REBALANCE_PARTITIONS -> () -> rebalance(cluster);
            case REMOVE_BROKER -> () -> {
                fleet.removeBroker(cluster, step.node(), STOP_TIMEOUT);
                // A ZooKeeper cluster's broker leaves the metadata with its session as it stops; a
                // KRaft cluster's registration stays until it is removed.
                if (fleet.zookeeperServers(cluster).isEmpty()) {
                    try (var admin = probe.connect(fleet.bootstrapServers(cluster))) {
                        admin.unregisterBroker(step.node());
                    }
                }
            };
            case WRITE_NODE_CONFIGURATION -> () -> fleet.reconfigure(cluster);
        };
    }

    private void rebalance(Cluster cluster) throws Exception {
        int target = cluster.spec().numberOfBrokerNodes();
        var keeping = fleet.brokers(cluster).stream().filter(b -> b.nodeId() <= target)
                .collect(Collectors.toMap(ClusterNode::nodeId, b -> b.zone().id()));
        Set<Integer> all = fleet.brokerIds(cluster);
        // Resumed after a restart of the control plane, the step first waits for every broker to answer
        // again: they may still be catching up with the cluster's metadata.
        fleet.awaitBrokersServing(cluster, timeout, () -> false);
        try (var admin = probe.connect(fleet.bootstrapServers(cluster))) {
            // The request was checked against the replication factors last read; the balancer checks
            // the topics as they are, and refuses before any replica moves.
            var moves = PartitionBalancer.balance(admin.partitionStates(), keeping);
            LOG.info("Cluster {}: moving {} partitions onto brokers {}", cluster.name(), moves.size(), keeping.keySet());
            admin.reassign(moves, all, THROTTLE_BYTES_PER_SECOND, timeout);
            admin.electPreferredLeaders();
        }
    }

    @Override
    public ClusterOutcome completed(ClusterOperation operation) {
        return ClusterOutcome.of(store.findCluster(operation.clusterArn()).map(Cluster::settled));
    }

    /** The cluster is ACTIVE again with as many brokers as it really has; replicas stay where they are. */
    @Override
    public ClusterOutcome failed(ClusterOperation operation, Exception cause) {
        return ClusterOutcome.of(store.findCluster(operation.clusterArn()).map(cluster -> cluster.withSpec(
                cluster.spec().withNumberOfBrokerNodes(fleet.brokers(cluster).size())).settled()));
    }
}
