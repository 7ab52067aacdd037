package io.streamplane.core.rolling;

import io.streamplane.core.cluster.Cluster;
import io.streamplane.core.cluster.NodeFleet;
import io.streamplane.core.configuration.ConfigurationChange;
import io.streamplane.core.configuration.ConfigurationService;
import io.streamplane.core.kafka.KafkaClusterProbe;
import io.streamplane.core.operation.ClusterOperation;
import io.streamplane.core.operation.OperationPlan;
import io.streamplane.core.port.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Changes to a running cluster: apply live what Kafka can change live, write the nodes' new
 * configuration, and restart what must restart, one node at a time through {@link RollingRestart}.
 * The cluster is ACTIVE again afterwards; if a step fails, its spec returns to where it was.
 */
public final class ClusterChangePlan implements OperationPlan {
    public static final String APPLY_DYNAMIC_CONFIGURATION = "APPLY_DYNAMIC_CONFIGURATION";
    public static final String WRITE_NODE_CONFIGURATION = "WRITE_NODE_CONFIGURATION";
    public static final String RESTART_BROKER = "RESTART_BROKER_";
    public static final String RESTART_CONTROLLERS = "RESTART_CONTROLLERS";
    public static final String INSTALL_KAFKA_RELEASE = "INSTALL_KAFKA_RELEASE";
    public static final String FINALIZE_METADATA_VERSION = "FINALIZE_METADATA_VERSION";
    /** How long the new metadata version may take to be accepted while the last nodes re-register. */
    private static final Duration METADATA_VERSION_TIMEOUT = Duration.ofMinutes(1);
    private static final Logger LOG = LoggerFactory.getLogger(ClusterChangePlan.class);

    private final Store store;
    private final NodeFleet fleet;
    private final KafkaClusterProbe probe;
    private final RollingRestart rolling;
    private final ConfigurationService configurations;

    public ClusterChangePlan(Store store, NodeFleet fleet, KafkaClusterProbe probe, RollingRestart rolling,
                             ConfigurationService configurations) {
        this.store = store;
        this.fleet = fleet;
        this.probe = probe;
        this.rolling = rolling;
        this.configurations = configurations;
    }

    /** The steps a configuration change takes: restarts only for what Kafka cannot change live. */
    public static List<String> configurationSteps(ConfigurationChange change, List<Integer> brokerIds) {
        var steps = new ArrayList<String>(List.of(WRITE_NODE_CONFIGURATION, APPLY_DYNAMIC_CONFIGURATION));
        if (change.needsBrokerRestart()) {
            brokerIds.stream().sorted().forEach(id -> steps.add(RESTART_BROKER + id));
        }
        if (change.needsControllerRestart()) {
            steps.add(RESTART_CONTROLLERS);
        }
        return List.copyOf(steps);
    }

    /** A new broker type (or anything else in the brokers' JVM options) takes effect as each restarts. */
    public static List<String> brokerTypeSteps(List<Integer> brokerIds) {
        var steps = new ArrayList<String>(List.of(WRITE_NODE_CONFIGURATION));
        steps.addAll(rebootSteps(brokerIds));
        return List.copyOf(steps);
    }

    /**
     * A new Kafka release: fetch it, then controllers first (a newer controller understands older
     * brokers), then brokers, and only then the new metadata version, which older nodes could not read.
     */
    public static List<String> kafkaVersionSteps(ConfigurationChange change, List<Integer> brokerIds) {
        var steps = new ArrayList<String>(List.of(INSTALL_KAFKA_RELEASE, WRITE_NODE_CONFIGURATION));
        if (change.hasDynamicChanges()) {
            steps.add(APPLY_DYNAMIC_CONFIGURATION);
        }
        steps.add(RESTART_CONTROLLERS);
        steps.addAll(rebootSteps(brokerIds));
        steps.add(FINALIZE_METADATA_VERSION);
        return List.copyOf(steps);
    }

    /** Exporters start with the broker's JVM: changing them restarts each broker; the level alone does not. */
    public static List<String> monitoringSteps(boolean exportersChange, List<Integer> brokerIds) {
        return exportersChange ? brokerTypeSteps(brokerIds) : List.of(WRITE_NODE_CONFIGURATION);
    }

    public static List<String> rebootSteps(List<Integer> brokerIds) {
        return brokerIds.stream().sorted().map(id -> RESTART_BROKER + id).toList();
    }

    @Override
    public void runStep(String stepName, ClusterOperation operation) throws Exception {
        var cluster = store.findCluster(operation.clusterArn()).orElseThrow();
        if (stepName.equals(INSTALL_KAFKA_RELEASE)) {
            fleet.installRelease(cluster);
        } else if (stepName.equals(FINALIZE_METADATA_VERSION)) {
            try (var admin = probe.connect(fleet.bootstrapServers(cluster))) {
                admin.finalizeLatestMetadataVersion(METADATA_VERSION_TIMEOUT);
            }
        } else if (stepName.equals(WRITE_NODE_CONFIGURATION)) {
            fleet.reconfigure(cluster);
        } else if (stepName.equals(APPLY_DYNAMIC_CONFIGURATION)) {
            var change = configurations.change(operation.sourceSpec().orElseThrow().configuration(),
                    cluster.spec().configuration());
            try (var admin = probe.connect(fleet.bootstrapServers(cluster))) {
                admin.alterClusterDefaults(change.dynamicUpdates(), change.dynamicRemovals());
            }
        } else if (stepName.startsWith(RESTART_BROKER)) {
            rolling.restartBroker(cluster, Integer.parseInt(stepName.substring(RESTART_BROKER.length())));
        } else if (stepName.equals(RESTART_CONTROLLERS)) {
            rolling.restartControllers(cluster);
        } else {
            throw new IllegalArgumentException("Unknown step " + stepName);
        }
    }

    @Override
    public void onComplete(ClusterOperation operation) {
        store.findCluster(operation.clusterArn()).ifPresent(cluster -> store.updateCluster(
                cluster.settled()));
    }

    @Override
    public void onFailure(ClusterOperation operation, Exception cause) {
        store.findCluster(operation.clusterArn()).ifPresent(cluster -> {
            Cluster restored = operation.sourceSpec().map(cluster::withSpec).orElse(cluster);
            try {
                fleet.reconfigure(restored);
                // A node that failed to come back on the new spec is started again on the old one.
                fleet.ensureAllRunning(restored);
            } catch (RuntimeException e) {
                LOG.error("Could not restore the nodes of cluster {}", cluster.name(), e);
            }
            store.updateCluster(restored.settled());
        });
    }
}
