package io.streamplane.core.lifecycle;

import io.streamplane.core.backend.ChangeSteps;
import io.streamplane.core.backend.ClusterBackend;
import io.streamplane.core.cluster.Cluster;
import io.streamplane.core.cluster.ClusterNode;
import io.streamplane.core.cluster.ClusterRecovery;
import io.streamplane.core.cluster.ClusterStore;
import io.streamplane.core.cluster.NodeFleet;
import io.streamplane.core.configuration.ConfigurationService;
import io.streamplane.core.health.HealingPlan;
import io.streamplane.core.health.HealthMonitor;
import io.streamplane.core.health.StorageUsage;
import io.streamplane.core.kafka.InternalBootstrap;
import io.streamplane.core.kafka.KafkaClusterProbe;
import io.streamplane.core.node.NodeRuntime;
import io.streamplane.core.operation.ClusterOperation;
import io.streamplane.core.operation.ClusterOutcome;
import io.streamplane.core.operation.OperationEngine;
import io.streamplane.core.operation.OperationLauncher;
import io.streamplane.core.operation.OperationStore;
import io.streamplane.core.operation.PlanCatalog;
import io.streamplane.core.placement.PlannedNode;
import io.streamplane.core.rolling.ClusterChangePlan;
import io.streamplane.core.rolling.RollingRestart;
import io.streamplane.core.scaling.BrokerCountPlan;
import io.streamplane.core.scaling.ControllerBrokers;
import io.streamplane.core.scaling.IntelligentRebalancing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

/**
 * Clusters on this machine, node by node through the {@link NodeRuntime}: every node its own JVM
 * on a loopback address, changes rolled one broker at a time, dead nodes healed, replicas
 * rebalanced. Nodes outlive the server; a new start adopts them.
 */
public final class LocalClusterBackend implements ClusterBackend {
    private final ClusterStore store;
    private final NodeRuntime runtime;
    private final NodeFleet fleet;
    private final KafkaClusterProbe probe;
    private final Timeouts timeouts;
    private final Clock clock;
    private final ClusterRecovery recovery;
    private final ClusterPlans plans;
    private final LocalChangeSteps steps;
    private final StorageUsage storage;
    private final ExecutorService restarts = Executors.newCachedThreadPool();
    private HealthMonitor health;
    private IntelligentRebalancing rebalancing;

    /**
     * How long the local backend's waits may take.
     *
     * @param readiness         nodes starting and serving, partitions catching up after a restore
     * @param rollSafety        a broker becoming safe to stop during a roll
     * @param rebalance         adding brokers, or moving replicas between them
     * @param nodeStop          a node stopping cleanly at shutdown
     * @param healthCheck       how often every node is checked
     * @param healingRetry      how long a cluster whose healing failed waits before the next attempt
     * @param rebalancingCheck  how often clusters with intelligent rebalancing are checked for balance
     * @param storageMeasurement how long a measurement of volume use is reused
     */
    public record Timeouts(Duration readiness, Duration rollSafety, Duration rebalance, Duration nodeStop,
                           Duration healthCheck, Duration healingRetry, Duration rebalancingCheck,
                           Duration storageMeasurement) {
    }

    public LocalClusterBackend(ClusterStore store, OperationStore operations, NodeRuntime runtime, NodeFleet fleet,
                               ConfigurationService configurations, KafkaClusterProbe probe,
                               ControllerBrokers controllerBrokers, Timeouts timeouts, Clock clock) {
        this.store = store;
        this.runtime = runtime;
        this.fleet = fleet;
        this.probe = probe;
        this.timeouts = timeouts;
        this.clock = clock;
        this.recovery = new ClusterRecovery(store, fleet, timeouts.readiness());
        var changes = new ClusterChangePlan(store, fleet, probe,
                new RollingRestart(fleet, probe, timeouts.rollSafety(), timeouts.readiness()), configurations);
        this.plans = new ClusterPlans(new CreateClusterPlan(store, fleet, timeouts.readiness()),
                new DeleteClusterPlan(store, fleet), changes,
                new BrokerCountPlan(store, fleet, probe, timeouts.rebalance()),
                new HealingPlan(store, fleet, probe, timeouts.readiness()));
        this.steps = new LocalChangeSteps(store, controllerBrokers);
        this.storage = new StorageUsage(store, runtime, clock, timeouts.storageMeasurement());
    }

    @Override
    public Placement place(String clusterArn, List<PlannedNode> planned, Set<Integer> slotsInUse, Instant now) {
        int slot = runtime.reserveNetworkSlot(slotsInUse);
        var nodes = planned.stream().map(p -> {
            var address = runtime.addressFor(slot, p.role(), p.nodeId());
            return new ClusterNode(clusterArn, p.nodeId(), p.role(), p.zone(), address.host(), address.port(), now,
                    Optional.empty());
        }).toList();
        return new Placement(slot, nodes);
    }

    @Override
    public ChangeSteps steps() {
        return steps;
    }

    @Override
    public PlanCatalog<ClusterOperation, ClusterOutcome> plans() {
        return plans;
    }

    @Override
    public InternalBootstrap adminBootstrap(Cluster cluster) {
        return fleet.bootstrapServers(cluster);
    }

    @Override
    public StorageUsage storage() {
        return storage;
    }

    /**
     * Adopts the nodes still running. Clusters in the middle of a change get their stopped nodes
     * started first and then their operation resumed; every other operation resumes at once.
     */
    @Override
    public synchronized void start(OperationEngine<ClusterOperation, ClusterOutcome> engine, OperationLauncher launcher) {
        var restarting = recovery.adoptRunningNodes();
        for (var cluster : restarting) {
            // Nodes first: an interrupted rolling change can only go on once the others run again.
            restarts.execute(() -> {
                recovery.restart(cluster);
                engine.resumeUnfinished(cluster.arn());
            });
        }
        engine.resumeUnfinishedExcept(restarting.stream().map(Cluster::arn).collect(Collectors.toSet()));
        this.health = new HealthMonitor(store, fleet, launcher, timeouts.healthCheck(), timeouts.healingRetry(),
                clock);
        this.rebalancing = new IntelligentRebalancing(store, fleet, probe, launcher, timeouts.rebalancingCheck());
        health.start();
        rebalancing.start();
    }

    /** First, or the monitor would take nodes stopped on purpose for failures and restart them. */
    @Override
    public synchronized void stopWatching() {
        if (health != null) {
            health.close();
            rebalancing.close();
        }
        restarts.shutdownNow();
    }

    /** Brokers before controllers, so that they leave the controllers cleanly. */
    @Override
    public void stopAllClusters() {
        recovery.stopAllNodes(timeouts.nodeStop());
    }
}
