package io.streamplane.core.rolling;

import io.streamplane.core.cluster.Cluster;
import io.streamplane.core.cluster.ClusterStore;
import io.streamplane.core.cluster.MetadataWiring;
import io.streamplane.core.cluster.NodeFleet;
import io.streamplane.core.configuration.ConfigurationChange;
import io.streamplane.core.configuration.ConfigurationService;
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
import java.util.Map;
import java.util.Optional;

/**
 * Changes to a running cluster: apply live what Kafka can change live, write the nodes' new
 * configuration, and restart what must restart, one node at a time through {@link RollingRestart}.
 * The cluster is ACTIVE again afterwards; if a step fails, its spec returns to where it was.
 */
public final class ClusterChangePlan implements OperationPlan<ClusterChangePlan.Kind, ClusterOperation, ClusterOutcome> {
    /** The steps a change may take. */
    public enum Kind implements StepKind {
        /** Fetches the Kafka release of the target spec. */
        INSTALL_KAFKA_RELEASE,
        /** Rewrites every node's configuration file from the target spec, for its next start. */
        WRITE_NODE_CONFIGURATION,
        /** Alters the cluster-wide defaults Kafka takes at run time. */
        APPLY_DYNAMIC_CONFIGURATION,
        /** Restarts one broker, when that is safe. */
        RESTART_BROKER {
            @Override
            public boolean onNode() {
                return true;
            }
        },
        /** Restarts the controllers, the active one last. */
        RESTART_CONTROLLERS,
        /** Raises metadata.version to the new release's level. */
        FINALIZE_METADATA_VERSION,
        /**
         * On a ZooKeeper cluster whose brokers all run the new release: rewrites their configuration
         * with the new release's inter.broker.protocol.version, which each reads as it restarts next.
         */
        RAISE_INTER_BROKER_PROTOCOL_VERSION,
        /** Restarts one broker onto the raised inter.broker.protocol.version, when that is safe. */
        RESTART_BROKER_ON_NEW_PROTOCOL {
            @Override
            public boolean onNode() {
                return true;
            }
        },
        /** Migration to KRaft: adds and starts three KRaft controllers in migration mode. */
        ADD_CONTROLLERS,
        /** Migration to KRaft: configures the brokers, still on ZooKeeper, to register with the controllers too. */
        ENABLE_MIGRATION_ON_BROKERS,
        /** Migration to KRaft: waits until the active controller has copied ZooKeeper's metadata. */
        AWAIT_METADATA_MIGRATION,
        /** Migration to KRaft: configures the brokers for KRaft; the controllers still write back to ZooKeeper. */
        MOVE_BROKERS_TO_KRAFT,
        /** Migration to KRaft: restarts one broker in KRaft mode, when that is safe. */
        RESTART_BROKER_IN_KRAFT {
            @Override
            public boolean onNode() {
                return true;
            }
        },
        /**
         * Migration to KRaft: configures the controllers to stop writing to ZooKeeper, which each does
         * as it restarts; from here the cluster cannot go back to ZooKeeper.
         */
        END_MIGRATION_ON_CONTROLLERS,
        /** Migration to KRaft: stops the ZooKeeper servers and removes them. */
        REMOVE_ZOOKEEPER;
    }

    /** How long new controllers may take to start, and then to copy ZooKeeper's metadata. */
    private static final Duration MIGRATION_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration ZOOKEEPER_STOP_TIMEOUT = Duration.ofSeconds(30);
    /** How long the new metadata version may take to be accepted while the last nodes re-register. */
    private static final Duration METADATA_VERSION_TIMEOUT = Duration.ofMinutes(1);
    private static final Logger LOG = LoggerFactory.getLogger(ClusterChangePlan.class);

    private final ClusterStore store;
    private final NodeFleet fleet;
    private final KafkaClusterProbe probe;
    private final RollingRestart rolling;
    private final ConfigurationService configurations;

    public ClusterChangePlan(ClusterStore store, NodeFleet fleet, KafkaClusterProbe probe, RollingRestart rolling,
                             ConfigurationService configurations) {
        this.store = store;
        this.fleet = fleet;
        this.probe = probe;
        this.rolling = rolling;
        this.configurations = configurations;
    }

    /** The steps a configuration change takes: restarts only for what Kafka cannot change live. */
    public static List<Step<Kind>> configurationSteps(ConfigurationChange change, List<Integer> brokerIds) {
        var steps = new ArrayList<>(List.of(Step.of(Kind.WRITE_NODE_CONFIGURATION),
                Step.of(Kind.APPLY_DYNAMIC_CONFIGURATION)));
        if (change.needsBrokerRestart()) {
            steps.addAll(rebootSteps(brokerIds));
        }
        if (change.needsControllerRestart()) {
            steps.add(Step.of(Kind.RESTART_CONTROLLERS));
        }
        return List.copyOf(steps);
    }

    /** A change nodes read at their next start and nothing needs now (a volume size, rebalancing). */
    public static List<Step<Kind>> configurationOnlySteps() {
        return List.of(Step.of(Kind.WRITE_NODE_CONFIGURATION));
    }

    /** A new broker type (or anything else in the brokers' JVM options) takes effect as each restarts. */
    public static List<Step<Kind>> brokerTypeSteps(List<Integer> brokerIds) {
        var steps = new ArrayList<>(configurationOnlySteps());
        steps.addAll(rebootSteps(brokerIds));
        return List.copyOf(steps);
    }

    /**
     * A new Kafka release: fetch it, then controllers first (a newer controller understands older
     * brokers), then brokers, and only then the new metadata version, which older nodes could not read.
     */
    public static List<Step<Kind>> kafkaVersionSteps(ConfigurationChange change, List<Integer> brokerIds) {
        var steps = new ArrayList<>(List.of(Step.of(Kind.INSTALL_KAFKA_RELEASE),
                Step.of(Kind.WRITE_NODE_CONFIGURATION)));
        if (change.hasDynamicChanges()) {
            steps.add(Step.of(Kind.APPLY_DYNAMIC_CONFIGURATION));
        }
        steps.add(Step.of(Kind.RESTART_CONTROLLERS));
        steps.addAll(rebootSteps(brokerIds));
        steps.add(Step.of(Kind.FINALIZE_METADATA_VERSION));
        return List.copyOf(steps);
    }

    /**
     * A new Kafka release on a ZooKeeper cluster: fetch it, roll every broker onto it while they go on
     * speaking the old release's inter-broker protocol, then raise the protocol and roll them again,
     * as Kafka's upgrade procedure for ZooKeeper clusters asks. The ZooKeeper ensemble is not touched.
     */
    public static List<Step<Kind>> zookeeperKafkaVersionSteps(ConfigurationChange change, List<Integer> brokerIds) {
        var steps = new ArrayList<>(List.of(Step.of(Kind.INSTALL_KAFKA_RELEASE),
                Step.of(Kind.WRITE_NODE_CONFIGURATION)));
        if (change.hasDynamicChanges()) {
            steps.add(Step.of(Kind.APPLY_DYNAMIC_CONFIGURATION));
        }
        steps.addAll(rebootSteps(brokerIds));
        steps.add(Step.of(Kind.RAISE_INTER_BROKER_PROTOCOL_VERSION));
        brokerIds.forEach(id -> steps.add(Step.onNode(Kind.RESTART_BROKER_ON_NEW_PROTOCOL, id)));
        return List.copyOf(steps);
    }

    /**
     * A ZooKeeper cluster moved to KRaft in place, on the same release (KIP-866, as MSK's migration of
     * 3.9.x clusters): controllers are added in migration mode, the brokers roll to register with
     * them, the active controller copies ZooKeeper's metadata, the brokers roll into KRaft, the
     * controllers roll out of migration mode, and the ZooKeeper servers go.
     */
    public static List<Step<Kind>> kraftMigrationSteps(List<Integer> brokerIds) {
        var steps = new ArrayList<>(List.of(Step.of(Kind.ADD_CONTROLLERS), Step.of(Kind.ENABLE_MIGRATION_ON_BROKERS)));
        steps.addAll(rebootSteps(brokerIds));
        steps.add(Step.of(Kind.AWAIT_METADATA_MIGRATION));
        steps.add(Step.of(Kind.MOVE_BROKERS_TO_KRAFT));
        brokerIds.forEach(id -> steps.add(Step.onNode(Kind.RESTART_BROKER_IN_KRAFT, id)));
        steps.add(Step.of(Kind.END_MIGRATION_ON_CONTROLLERS));
        steps.add(Step.of(Kind.RESTART_CONTROLLERS));
        steps.add(Step.of(Kind.REMOVE_ZOOKEEPER));
        return List.copyOf(steps);
    }

    /** Exporters start with the broker's JVM: changing them restarts each broker; the level alone does not. */
    public static List<Step<Kind>> monitoringSteps(boolean exportersChange, List<Integer> brokerIds) {
        return exportersChange ? brokerTypeSteps(brokerIds) : configurationOnlySteps();
    }

    /** One restart per broker, in the order given (see {@link RollOrder#brokers}). */
    public static List<Step<Kind>> rebootSteps(List<Integer> brokerIds) {
        return brokerIds.stream().map(id -> Step.onNode(Kind.RESTART_BROKER, id)).toList();
    }

    @Override
    public Class<Kind> stepKinds() {
        return Kind.class;
    }

    @Override
    public StepAction action(Step<Kind> step, ClusterOperation operation) {
        var cluster = store.findCluster(operation.clusterArn()).orElseThrow();
        return switch (step.kind()) {
            case INSTALL_KAFKA_RELEASE -> () -> fleet.installRelease(cluster);
            case WRITE_NODE_CONFIGURATION -> () -> {
                if (raisesProtocolLater(operation)) {
                    fleet.reconfigure(cluster, Map.of(NodeFleet.INTER_BROKER_PROTOCOL_VERSION,
                            fleet.release(operation.sourceSpec().orElseThrow()).line()));
                } else {
                    fleet.reconfigure(cluster);
                }
            };
            case APPLY_DYNAMIC_CONFIGURATION -> () -> {
                var change = configurations.change(operation.sourceSpec().orElseThrow().configuration(),
                        cluster.spec().configuration());
                try (var admin = probe.connect(fleet.bootstrapServers(cluster))) {
                    admin.alterClusterDefaults(change.dynamicUpdates(), change.dynamicRemovals());
                }
            };
            case RESTART_BROKER -> () -> rolling.restartBroker(cluster, step.node());
            case RESTART_CONTROLLERS -> () -> rolling.restartControllers(cluster);
            case FINALIZE_METADATA_VERSION -> () -> {
                try (var admin = probe.connect(fleet.bootstrapServers(cluster))) {
                    admin.finalizeLatestMetadataVersion(METADATA_VERSION_TIMEOUT);
                }
            };
            case RAISE_INTER_BROKER_PROTOCOL_VERSION -> () -> fleet.reconfigure(cluster);
            case RESTART_BROKER_ON_NEW_PROTOCOL, RESTART_BROKER_IN_KRAFT -> () -> rolling.restartBroker(cluster,
                    step.node());
            case ADD_CONTROLLERS -> () -> {
                String kafkaClusterId;
                try (var admin = probe.connect(fleet.bootstrapServers(cluster))) {
                    kafkaClusterId = admin.clusterId();
                }
                fleet.addMigratingControllers(cluster, kafkaClusterId, MIGRATION_TIMEOUT);
            };
            case ENABLE_MIGRATION_ON_BROKERS -> () -> fleet.reconfigure(cluster, MetadataWiring.MIGRATING);
            case AWAIT_METADATA_MIGRATION -> () -> fleet.awaitMetadataMigrated(cluster, MIGRATION_TIMEOUT);
            case MOVE_BROKERS_TO_KRAFT -> () -> fleet.reconfigure(cluster, MetadataWiring.BROKERS_ON_KRAFT);
            case END_MIGRATION_ON_CONTROLLERS -> () -> fleet.reconfigure(cluster, MetadataWiring.KRAFT);
            case REMOVE_ZOOKEEPER -> () -> fleet.removeZooKeeper(cluster, ZOOKEEPER_STOP_TIMEOUT);
        };
    }

    /** A migration whose controllers have left migration mode cannot go back to ZooKeeper. */
    private static boolean pastTheMigrationsPointOfNoReturn(ClusterOperation operation) {
        return operation.isStepComplete(Kind.END_MIGRATION_ON_CONTROLLERS.name());
    }

    /** Whether the change holds the brokers at the old inter-broker protocol until they all run the new release. */
    private static boolean raisesProtocolLater(ClusterOperation operation) {
        return operation.steps().stream().anyMatch(s -> s.name().equals(Kind.RAISE_INTER_BROKER_PROTOCOL_VERSION.name()));
    }

    @Override
    public ClusterOutcome completed(ClusterOperation operation) {
        return ClusterOutcome.of(store.findCluster(operation.clusterArn()).map(Cluster::settled));
    }

    /**
     * The cluster is back on the spec it had before the change, recorded as it ends; except a
     * migration to KRaft past its point of no return, which stays on its KRaft version.
     */
    @Override
    public ClusterOutcome failed(ClusterOperation operation, Exception cause) {
        if (pastTheMigrationsPointOfNoReturn(operation)) {
            return ClusterOutcome.of(store.findCluster(operation.clusterArn()).map(Cluster::settled));
        }
        return ClusterOutcome.of(store.findCluster(operation.clusterArn())
                .map(cluster -> operation.sourceSpec().map(cluster::withSpec).orElse(cluster).settled()));
    }

    /** The nodes' files go back to the previous spec, and a node that failed on the new one starts on it. */
    @Override
    public void afterEnd(ClusterOperation operation, Optional<Exception> failure) {
        if (failure.isEmpty()) {
            return;
        }
        store.findCluster(operation.clusterArn()).ifPresent(restored -> {
            try {
                fleet.reconfigure(restored);
                fleet.ensureAllRunning(restored);
            } catch (RuntimeException e) {
                LOG.error("Could not restore the nodes of cluster {}", restored.name(), e);
            }
        });
    }
}
