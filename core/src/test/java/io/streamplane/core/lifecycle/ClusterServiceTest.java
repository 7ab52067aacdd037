package io.streamplane.core.lifecycle;

import io.streamplane.core.Ids;
import io.streamplane.core.MemoryBudget;
import io.streamplane.core.ServiceIdentity;
import io.streamplane.core.cluster.Cluster;
import io.streamplane.core.cluster.ClusterSpec;
import io.streamplane.core.cluster.ClusterState;
import io.streamplane.core.cluster.CreateClusterCommand;
import io.streamplane.core.cluster.NodeFleet;
import io.streamplane.core.cluster.OpenMonitoring;
import io.streamplane.core.cluster.RecordedSettings;
import io.streamplane.core.configuration.ConfigurationService;
import io.streamplane.core.error.Conflict;
import io.streamplane.core.error.InvalidRequest;
import io.streamplane.core.error.NotFound;
import io.streamplane.core.fakes.FakeNodeRuntime;
import io.streamplane.core.fakes.InMemoryCertificateAuthorityStore;
import io.streamplane.core.fakes.InMemoryClusterState;
import io.streamplane.core.fakes.InMemoryConfigurationStore;
import io.streamplane.core.kafka.KafkaVersionCatalog;
import io.streamplane.core.kafka.MetadataMode;
import io.streamplane.core.node.NodeRole;
import io.streamplane.core.operation.ClusterOperation;
import io.streamplane.core.operation.OperationLauncher;
import io.streamplane.core.operation.OperationState;
import io.streamplane.core.operation.OperationStep;
import io.streamplane.core.operation.OperationType;
import io.streamplane.core.pki.PrivateCaService;
import io.streamplane.core.scaling.ReplicationFactors;
import io.streamplane.core.security.ClusterSecurity;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The rules of cluster requests, on in-memory fakes of the stores and the node runtime: what each
 * request records and which operation it opens, or how it is refused with nothing changed. No
 * operation runs here (the live-cluster tests run them); the operations are only recorded.
 */
class ClusterServiceTest {
    private final InMemoryClusterState state = new InMemoryClusterState();
    private final List<String> submitted = new CopyOnWriteArrayList<>();
    /** What the background reading of topics would know: the widest topic of each cluster. */
    private final Map<String, Integer> widestTopics = new ConcurrentHashMap<>();
    private final ClusterService clusters = service(new MemoryBudget(100_000));

    private ClusterService service(MemoryBudget memory) {
        var identity = new ServiceIdentity("us-east-1", "000000000000");
        var clock = Clock.systemUTC();
        var ids = new Ids();
        var runtime = new FakeNodeRuntime("4.1.1", "4.2.2");
        var versions = new KafkaVersionCatalog(runtime, Set.of(MetadataMode.KRAFT));
        var configurations = new ConfigurationService(identity, new InMemoryConfigurationStore(), arn -> List.of(),
                versions, ids, clock);
        var authorities = new PrivateCaService(identity, new InMemoryCertificateAuthorityStore(), null, null,
                arn -> false, clock);
        var launcher = new OperationLauncher(identity, state, state, submitted::add, ids, clock);
        // The local backend decides the steps; nothing here starts it, so it runs nothing.
        var fleet = new NodeFleet(state, runtime, versions, configurations, null, null, null, authorities);
        var wait = Duration.ofSeconds(1);
        var backend = new LocalClusterBackend(state, state, runtime, fleet, configurations, null,
                arn -> OptionalInt.empty(),
                new LocalClusterBackend.Timeouts(wait, wait, wait, wait, wait, wait, wait, wait), clock);
        ReplicationFactors known = arn -> widestTopics.containsKey(arn) ? OptionalInt.of(widestTopics.get(arn))
                : OptionalInt.empty();
        return new ClusterService(identity, state, launcher, backend, versions, configurations, authorities, known,
                memory, ids, clock);
    }

    private static ClusterSpec spec(int brokers, String... subnets) {
        return new ClusterSpec("kafka.m5.large", List.of(subnets), List.of(), 100, "4.1.x.kraft", brokers, "LOCAL",
                "DEFAULT", Optional.empty(), OpenMonitoring.OFF, ClusterSpec.REBALANCING_PAUSED,
                ClusterSecurity.MSK_DEFAULT, RecordedSettings.NONE);
    }

    private Cluster create(String name, int brokers) {
        return clusters.createCluster(new CreateClusterCommand(name, spec(brokers, "subnet-1", "subnet-2", "subnet-3"),
                Map.of("team", "data"), "provisioned."));
    }

    /** What the creation's operation would leave: the cluster ACTIVE with nothing running on it. */
    private Cluster active(String name, int brokers) {
        var cluster = create(name, brokers);
        state.updateCluster(state.findCluster(cluster.arn()).orElseThrow().settled());
        return clusters.describe(cluster.arn());
    }

    @Test
    void createCluster_recordsTheClusterItsNodesAcrossZonesAndAStartedCreation() {
        var cluster = create("orders", 6);

        assertThat(cluster.state()).isEqualTo(ClusterState.CREATING);
        var nodes = state.nodes(cluster.arn());
        assertThat(nodes.stream().filter(n -> n.role() == NodeRole.BROKER)).hasSize(6);
        assertThat(nodes.stream().filter(n -> n.role() == NodeRole.CONTROLLER)).hasSize(3);
        assertThat(nodes.stream().filter(n -> n.role() == NodeRole.BROKER).map(n -> n.zone().id()).distinct())
                .hasSize(3);
        assertThat(state.tags(cluster.arn())).containsEntry("team", "data");
        var operation = state.findOperation(cluster.activeOperationArn().orElseThrow()).orElseThrow();
        assertThat(operation.type()).isEqualTo(OperationType.CREATE_CLUSTER);
        assertThat(operation.state()).isEqualTo(OperationState.PENDING);
        assertThat(operation.steps()).extracting(OperationStep::name).containsExactly("PREPARE_NODES",
                "START_CONTROLLERS", "START_BROKERS", "AWAIT_BROKER_REGISTRATION");
        assertThat(submitted).containsExactly(operation.arn());
    }

    /** kafka.m5.large brokers have a 512 MiB heap, controllers 256 MiB; each JVM counts 128 MiB more. */
    @Test
    void requestsBeyondTheMemoryBudget_areRefusedSayingWhatIsInUse_andRecordNothing() {
        var limited = service(new MemoryBudget(8_000));
        var first = limited.createCluster(new CreateClusterCommand("first", spec(6, "subnet-1", "subnet-2",
                "subnet-3"), Map.of(), "provisioned."));
        state.updateCluster(state.findCluster(first.arn()).orElseThrow().settled());

        assertThatThrownBy(() -> limited.createCluster(new CreateClusterCommand("second", spec(3, "subnet-1",
                "subnet-2", "subnet-3"), Map.of(), "provisioned.")))
                .isInstanceOfSatisfying(InvalidRequest.class, e -> {
                    assertThat(e.field()).contains("provisioned.numberOfBrokerNodes");
                    assertThat(e.getMessage()).contains("3072 MiB of memory needed").contains("4992 MiB of the 8000 MiB")
                            .contains("--max-memory");
                });
        String version = limited.describe(first.arn()).currentVersion();
        assertThatThrownBy(() -> limited.updateBrokerCount(first.arn(), version, 12))
                .isInstanceOfSatisfying(InvalidRequest.class, e -> assertThat(e.field())
                        .contains("targetNumberOfBrokerNodes"));
        assertThatThrownBy(() -> limited.updateBrokerType(first.arn(), version, "kafka.m5.xlarge"))
                .isInstanceOfSatisfying(InvalidRequest.class, e -> assertThat(e.field())
                        .contains("targetInstanceType"));
        assertThat(state.listClusters()).extracting(Cluster::name).containsExactly("first");
        assertThat(state.operations(first.arn())).hasSize(1);
        assertThat(limited.updateBrokerType(first.arn(), version, "kafka.t3.small").type())
                .as("smaller brokers free memory").isEqualTo(OperationType.UPDATE_BROKER_TYPE);
    }

    @Test
    void createCluster_refusesBadRequestsAndRecordsNothing() {
        create("taken", 3);
        assertThatThrownBy(() -> create("taken", 3)).isInstanceOf(Conflict.class);
        assertThatThrownBy(() -> create("four-over-three-zones", 4)).isInstanceOfSatisfying(InvalidRequest.class,
                e -> assertThat(e.getMessage()).contains("multiple"));
        assertThatThrownBy(() -> create("-leading-hyphen", 3)).isInstanceOfSatisfying(InvalidRequest.class,
                e -> assertThat(e.field()).contains("clusterName"));
        assertThatThrownBy(() -> clusters.createCluster(new CreateClusterCommand("old", spec(3, "subnet-1",
                "subnet-2", "subnet-3").withKafkaVersion("2.8.1"), Map.of(), "provisioned.")))
                .isInstanceOfSatisfying(InvalidRequest.class, e -> assertThat(e.field()).contains("kafkaVersion"));
        var unknownAuthority = ClusterSecurity.MSK_DEFAULT.withAuthenticationOf(new ClusterSecurity("TLS", true,
                false, false, true, List.of("arn:aws:acm-pca:us-east-1:000000000000:certificate-authority/none")));
        assertThatThrownBy(() -> clusters.createCluster(new CreateClusterCommand("mtls", spec(3, "subnet-1",
                "subnet-2", "subnet-3").withSecurity(unknownAuthority), Map.of(), "provisioned.")))
                .isInstanceOfSatisfying(InvalidRequest.class, e -> assertThat(e.field())
                        .contains("provisioned.clientAuthentication.tls.certificateAuthorityArnList"));

        assertThat(state.listClusters()).extracting(Cluster::name).containsExactly("taken");
        assertThat(submitted).hasSize(1);
    }

    @Test
    void anUpdate_opensARollingOperation_withTheTargetSpecAndANewVersion() {
        var cluster = active("typed", 3);

        var operation = clusters.updateBrokerType(cluster.arn(), cluster.currentVersion(), "kafka.m5.xlarge");

        assertThat(operation.type()).isEqualTo(OperationType.UPDATE_BROKER_TYPE);
        assertThat(operation.steps()).extracting(OperationStep::name).containsExactly("WRITE_NODE_CONFIGURATION",
                "RESTART_BROKER_1", "RESTART_BROKER_2", "RESTART_BROKER_3");
        assertThat(operation.sourceSpec().orElseThrow().instanceType()).isEqualTo("kafka.m5.large");
        assertThat(operation.targetSpec().orElseThrow().instanceType()).isEqualTo("kafka.m5.xlarge");
        var updating = clusters.describe(cluster.arn());
        assertThat(updating.state()).isEqualTo(ClusterState.UPDATING);
        assertThat(updating.spec().instanceType()).isEqualTo("kafka.m5.xlarge");
        assertThat(updating.currentVersion()).isNotEqualTo(cluster.currentVersion());
        assertThat(updating.activeOperationArn()).contains(operation.arn());
    }

    @Test
    void updates_needAnActiveClusterAtTheCurrentVersion_oneOperationAtATime() {
        var creating = create("creating", 3);
        assertThatThrownBy(() -> clusters.updateBrokerType(creating.arn(), creating.currentVersion(),
                "kafka.m5.xlarge")).isInstanceOfSatisfying(InvalidRequest.class,
                e -> assertThat(e.getMessage()).contains("CREATING"));

        var cluster = active("busy", 3);
        assertThatThrownBy(() -> clusters.updateStorage(cluster.arn(), "stale-version", "volumeSizeGB", 200,
                Optional.empty()))
                .isInstanceOfSatisfying(InvalidRequest.class, e -> assertThat(e.field()).contains("currentVersion"));
        var first = clusters.updateStorage(cluster.arn(), cluster.currentVersion(), "volumeSizeGB", 200, Optional.empty());
        var now = clusters.describe(cluster.arn());
        assertThatThrownBy(() -> clusters.updateRebalancing(cluster.arn(), now.currentVersion(), "ACTIVE"))
                .isInstanceOfSatisfying(InvalidRequest.class, e -> assertThat(e.getMessage()).contains("UPDATING"));
        assertThat(state.operations(cluster.arn())).extracting(ClusterOperation::arn).contains(first.arn())
                .hasSize(2);
    }

    @Test
    void refusedUpdates_changeNothing() {
        var cluster = active("refusals", 3);
        String version = cluster.currentVersion();

        assertThatThrownBy(() -> clusters.updateStorage(cluster.arn(), version, "volumeSizeGB", 50, Optional.empty()))
                .hasMessageContaining("only grow");
        assertThatThrownBy(() -> clusters.updateStorage(cluster.arn(), version, "volumeSizeGB", 20_000, Optional.empty()))
                .hasMessageContaining("at most 16384");
        assertThatThrownBy(() -> clusters.updateBrokerType(cluster.arn(), version, "kafka.m5.large"))
                .hasMessageContaining("already");
        assertThatThrownBy(() -> clusters.updateBrokerCount(cluster.arn(), version, 3))
                .hasMessageContaining("already has 3");
        assertThatThrownBy(() -> clusters.updateBrokerCount(cluster.arn(), version, 4))
                .hasMessageContaining("multiple of 3");
        assertThatThrownBy(() -> clusters.rebootBroker(cluster.arn(), List.of("7")))
                .hasMessageContaining("no broker 7");
        assertThatThrownBy(() -> clusters.rebootBroker(cluster.arn(), List.of("1", "2")))
                .hasMessageContaining("exactly one");
        assertThatThrownBy(() -> clusters.updateKafkaVersion(cluster.arn(), version, "4.1.x.kraft", Optional.empty()))
                .hasMessageContaining("already runs");
        assertThatThrownBy(() -> clusters.updateMonitoring(cluster.arn(), version, Optional.of("DEFAULT"),
                Optional.empty(), Optional.empty())).hasMessageContaining("changes nothing");
        assertThatThrownBy(() -> clusters.updateSecurity(cluster.arn(), version, Optional.empty(),
                Optional.of(false), Optional.empty())).isInstanceOfSatisfying(InvalidRequest.class,
                e -> assertThat(e.field()).contains("encryptionInfo.encryptionInTransit.inCluster"));

        assertThat(clusters.describe(cluster.arn())).isEqualTo(cluster);
        assertThat(state.operations(cluster.arn())).hasSize(1);
    }

    @Test
    void scalingIn_isRefusedAtOnceWhenAKnownTopicNeedsMoreBrokers_andLeftToTheOperationWhenNoneIsKnown() {
        var cluster = active("shrink", 6);
        widestTopics.put(cluster.arn(), 4);
        assertThatThrownBy(() -> clusters.updateBrokerCount(cluster.arn(), cluster.currentVersion(), 3))
                .isInstanceOfSatisfying(InvalidRequest.class, e -> {
                    assertThat(e.field()).contains("targetNumberOfBrokerNodes");
                    assertThat(e.getMessage()).contains("replication factor of 4");
                });
        assertThat(clusters.describe(cluster.arn())).isEqualTo(cluster);

        widestTopics.put(cluster.arn(), 3);
        var fits = clusters.updateBrokerCount(cluster.arn(), cluster.currentVersion(), 3);
        assertThat(fits.steps()).extracting(OperationStep::name).containsExactly("REBALANCE_PARTITIONS",
                "REMOVE_BROKER_6", "REMOVE_BROKER_5", "REMOVE_BROKER_4", "WRITE_NODE_CONFIGURATION");

        var unread = active("unread", 6);
        var accepted = clusters.updateBrokerCount(unread.arn(), unread.currentVersion(), 3);
        assertThat(accepted.steps()).first().extracting(OperationStep::name).isEqualTo("REBALANCE_PARTITIONS");
    }

    @Test
    void scalingOut_andUpgrading_openTheirOwnSteps() {
        var cluster = active("grow", 3);
        var scaling = clusters.updateBrokerCount(cluster.arn(), cluster.currentVersion(), 6);
        assertThat(scaling.steps()).extracting(OperationStep::name).containsExactly("ADD_BROKERS",
                "REBALANCE_PARTITIONS");
        assertThat(clusters.describe(cluster.arn()).spec().numberOfBrokerNodes()).isEqualTo(6);

        var other = active("upgrade", 3);
        var upgrade = clusters.updateKafkaVersion(other.arn(), other.currentVersion(), "4.2.x.kraft", Optional.empty());
        assertThat(upgrade.steps()).extracting(OperationStep::name).containsExactly("INSTALL_KAFKA_RELEASE",
                "WRITE_NODE_CONFIGURATION", "RESTART_CONTROLLERS", "RESTART_BROKER_1", "RESTART_BROKER_2",
                "RESTART_BROKER_3", "FINALIZE_METADATA_VERSION");
        assertThatThrownBy(() -> clusters.updateKafkaVersion(other.arn(), clusters.describe(other.arn())
                .currentVersion(), "4.1.x.kraft", Optional.empty())).isInstanceOf(InvalidRequest.class);
    }

    @Test
    void delete_isAllowedWhileCreating_butNotTwice() {
        var cluster = create("short-lived", 3);

        var deleting = clusters.delete(cluster.arn(), Optional.empty());

        assertThat(deleting.state()).isEqualTo(ClusterState.DELETING);
        var operation = state.findOperation(deleting.activeOperationArn().orElseThrow()).orElseThrow();
        assertThat(operation.type()).isEqualTo(OperationType.DELETE_CLUSTER);
        assertThat(operation.targetSpec()).isEmpty();
        assertThatThrownBy(() -> clusters.delete(cluster.arn(), Optional.empty()))
                .hasMessageContaining("DELETING");
        assertThatThrownBy(() -> clusters.delete("arn:aws:kafka:us-east-1:000000000000:cluster/none/x",
                Optional.empty())).isInstanceOf(NotFound.class);
    }
}
