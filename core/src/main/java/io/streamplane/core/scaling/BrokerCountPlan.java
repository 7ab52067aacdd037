package io.streamplane.core.scaling;

import io.streamplane.core.cluster.Cluster;
import io.streamplane.core.cluster.ClusterNode;
import io.streamplane.core.cluster.NodeFleet;
import io.streamplane.core.kafka.KafkaClusterProbe;
import io.streamplane.core.operation.ClusterOperation;
import io.streamplane.core.operation.OperationPlan;
import io.streamplane.core.port.Store;
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
public final class BrokerCountPlan implements OperationPlan {
    public static final String ADD_BROKERS = "ADD_BROKERS";
    public static final String REBALANCE_PARTITIONS = "REBALANCE_PARTITIONS";
    public static final String REMOVE_BROKER = "REMOVE_BROKER_";
    public static final String WRITE_NODE_CONFIGURATION = "WRITE_NODE_CONFIGURATION";
    /** Replication bandwidth per broker for moving replicas; client traffic keeps the rest. */
    private static final long THROTTLE_BYTES_PER_SECOND = 50L * 1024 * 1024;
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);
    private static final Logger LOG = LoggerFactory.getLogger(BrokerCountPlan.class);

    private final Store store;
    private final NodeFleet fleet;
    private final KafkaClusterProbe probe;
    private final Duration timeout;

    public BrokerCountPlan(Store store, NodeFleet fleet, KafkaClusterProbe probe, Duration timeout) {
        this.store = store;
        this.fleet = fleet;
        this.probe = probe;
        this.timeout = timeout;
    }

    public static List<String> steps(int from, int to) {
        if (to > from) {
            return List.of(ADD_BROKERS, REBALANCE_PARTITIONS);
        }
        var steps = new ArrayList<String>(List.of(REBALANCE_PARTITIONS));
        for (int id = from; id > to; id--) {
            steps.add(REMOVE_BROKER + id);
        }
        steps.add(WRITE_NODE_CONFIGURATION);
        return List.copyOf(steps);
    }

    @Override
    public void runStep(String stepName, ClusterOperation operation) throws Exception {
        Cluster cluster = store.findCluster(operation.clusterArn()).orElseThrow();
        if (stepName.equals(ADD_BROKERS)) {
            fleet.addBrokers(cluster, timeout);
        } else if (stepName.equals(REBALANCE_PARTITIONS)) {
            rebalance(cluster);
        } else if (stepName.startsWith(REMOVE_BROKER)) {
            int brokerId = Integer.parseInt(stepName.substring(REMOVE_BROKER.length()));
            fleet.removeBroker(cluster, brokerId, STOP_TIMEOUT);
            try (var admin = probe.connect(fleet.bootstrapServers(cluster))) {
                admin.unregisterBroker(brokerId);
            }
        } else if (stepName.equals(WRITE_NODE_CONFIGURATION)) {
            fleet.reconfigure(cluster);
        } else {
            throw new IllegalArgumentException("Unknown step " + stepName);
        }
    }

    private void rebalance(Cluster cluster) throws Exception {
        int target = cluster.spec().numberOfBrokerNodes();
        var keeping = fleet.brokers(cluster).stream().filter(b -> b.nodeId() <= target)
                .collect(Collectors.toMap(ClusterNode::nodeId, b -> b.zone().id()));
        Set<Integer> all = fleet.brokerIds(cluster);
        try (var admin = probe.connect(fleet.bootstrapServers(cluster))) {
            var moves = PartitionBalancer.balance(admin.partitionStates(), keeping);
            LOG.info("Cluster {}: moving {} partitions onto brokers {}", cluster.name(), moves.size(), keeping.keySet());
            admin.reassign(moves, all, THROTTLE_BYTES_PER_SECOND, timeout);
            admin.electPreferredLeaders();
        }
    }

    @Override
    public void onComplete(ClusterOperation operation) {
        store.findCluster(operation.clusterArn()).ifPresent(cluster -> store.updateCluster(
                cluster.settled()));
    }

    /** The cluster is ACTIVE again with as many brokers as it really has; replicas stay where they are. */
    @Override
    public void onFailure(ClusterOperation operation, Exception cause) {
        store.findCluster(operation.clusterArn()).ifPresent(cluster -> {
            int brokers = fleet.brokers(cluster).size();
            store.updateCluster(cluster.withSpec(cluster.spec().withNumberOfBrokerNodes(brokers))
                    .settled());
        });
    }
}
