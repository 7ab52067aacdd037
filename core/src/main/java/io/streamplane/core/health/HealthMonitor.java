package io.streamplane.core.health;

import io.streamplane.core.PeriodicTask;
import io.streamplane.core.cluster.Cluster;
import io.streamplane.core.cluster.ClusterNode;
import io.streamplane.core.cluster.ClusterState;
import io.streamplane.core.cluster.ClusterStore;
import io.streamplane.core.cluster.NodeFleet;
import io.streamplane.core.operation.Launch;
import io.streamplane.core.operation.OperationLauncher;
import io.streamplane.core.operation.OperationType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Watches every node of every settled cluster and, when one is not running, opens a healing
 * operation for it (MSK's self-healing). Clusters in the middle of an operation are left alone:
 * their operation stops and starts nodes on purpose, and fails by itself when one dies.
 *
 * <p>An ACTIVE cluster's failure is confirmed by a second check before it is healed, and the
 * healing restores every node found stopped then: nodes that go down together, as a zone's do,
 * die a few moments apart, and one healing for all of them restores the zone in one roll instead
 * of a healing per node with the cluster degraded in between.
 */
public final class HealthMonitor implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HealthMonitor.class);
    private static final Set<ClusterState> WATCHED = EnumSet.of(ClusterState.ACTIVE, ClusterState.HEALING);
    private final ClusterStore store;
    private final NodeFleet fleet;
    private final OperationLauncher operations;
    private final Duration retryAfterFailure;
    private final Clock clock;
    private final Map<String, Instant> lastAttempts = new ConcurrentHashMap<>();
    /** ACTIVE clusters found with stopped nodes by the last check, waiting for the next to confirm it. */
    private final Set<String> suspected = ConcurrentHashMap.newKeySet();
    private final PeriodicTask task;

    /**
     * @param interval          how often every node is checked
     * @param retryAfterFailure how long a cluster whose healing failed waits before the next attempt
     */
    public HealthMonitor(ClusterStore store, NodeFleet fleet, OperationLauncher operations, Duration interval,
                         Duration retryAfterFailure, Clock clock) {
        this.store = store;
        this.fleet = fleet;
        this.operations = operations;
        this.task = new PeriodicTask("health-monitor", interval, this::checkAll);
        this.retryAfterFailure = retryAfterFailure;
        this.clock = clock;
    }

    public void start() {
        task.start();
    }

    private void checkAll() {
        store.listClusters().forEach(this::check);
    }

    private void check(Cluster cluster) {
        if (!WATCHED.contains(cluster.state()) || cluster.activeOperationArn().isPresent()) {
            suspected.remove(cluster.arn());
            return;
        }
        var stopped = fleet.stoppedNodes(cluster);
        if (stopped.isEmpty()) {
            suspected.remove(cluster.arn());
        } else if (cluster.state() == ClusterState.ACTIVE && suspected.add(cluster.arn())) {
            return;
        }
        // A HEALING cluster with every node running (its nodes came back, or its last healing failed
        // only while catching up) gets a healing with nothing to restore, which confirms it is in sync.
        if (stopped.isEmpty() && cluster.state() != ClusterState.HEALING) {
            return;
        }
        var failedBefore = cluster.state() == ClusterState.HEALING && cluster.stateInfo().isPresent();
        var last = Optional.ofNullable(lastAttempts.get(cluster.arn()));
        if (failedBefore && last.isPresent() && last.get().plus(retryAfterFailure).isAfter(clock.instant())) {
            return;
        }
        var ids = stopped.stream().map(ClusterNode::nodeId).toList();
        if (!ids.isEmpty()) {
            LOG.warn("Cluster {}: nodes {} are not running; healing", cluster.name(), ids);
        }
        lastAttempts.put(cluster.arn(), clock.instant());
        suspected.remove(cluster.arn());
        heal(cluster.arn(), ids);
    }

    /**
     * Opens a healing operation for nodes that are not running, unless the cluster became busy or
     * gone meanwhile. The cluster's version stays: healing changes nothing a user asked for.
     */
    private void heal(String clusterArn, List<Integer> nodeIds) {
        operations.open(clusterArn, cluster -> WATCHED.contains(cluster.state())
                && cluster.activeOperationArn().isEmpty()
                ? Optional.of(Launch.of(OperationType.HEAL_CLUSTER, HealingPlan.steps(nodeIds),
                        cluster.withState(ClusterState.HEALING, cluster.stateInfo())))
                : Optional.empty());
    }

    /** Stops watching; call before stopping nodes on purpose, or they would be restarted. */
    @Override
    public void close() {
        task.close();
    }
}
