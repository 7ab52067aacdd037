package io.streamplane.store.jdbc;

import io.streamplane.core.cluster.AvailabilityZone;
import io.streamplane.core.cluster.Cluster;
import io.streamplane.core.cluster.ClusterNode;
import io.streamplane.core.cluster.ClusterSpec;
import io.streamplane.core.cluster.ClusterState;
import io.streamplane.core.cluster.OpenMonitoring;
import io.streamplane.core.cluster.RecordedSettings;
import io.streamplane.core.cluster.StateInfo;
import io.streamplane.core.configuration.Configuration;
import io.streamplane.core.configuration.ConfigurationRef;
import io.streamplane.core.configuration.ConfigurationRevision;
import io.streamplane.core.configuration.ConfigurationState;
import io.streamplane.core.connect.ConnectorClass;
import io.streamplane.core.connect.CustomPlugin;
import io.streamplane.core.connect.CustomPluginState;
import io.streamplane.core.connect.PluginContentType;
import io.streamplane.core.connect.PluginFile;
import io.streamplane.core.connect.S3ObjectLocation;
import io.streamplane.core.connect.WorkerConfiguration;
import io.streamplane.core.connect.WorkerConfigurationRevision;
import io.streamplane.core.connect.WorkerConfigurationState;
import io.streamplane.core.error.Conflict;
import io.streamplane.core.lifecycle.CreateClusterPlan;
import io.streamplane.core.node.NodeProcess;
import io.streamplane.core.node.NodeRole;
import io.streamplane.core.operation.ClusterOperation;
import io.streamplane.core.operation.ClusterOutcome;
import io.streamplane.core.operation.ErrorInfo;
import io.streamplane.core.operation.OperationState;
import io.streamplane.core.operation.OperationType;
import io.streamplane.core.operation.StepStatus;
import io.streamplane.core.pki.AuthorityOptions;
import io.streamplane.core.pki.PrivateCertificateAuthority;
import io.streamplane.core.replay.RecordedAnswer;
import io.streamplane.core.secrets.ScramAssociation;
import io.streamplane.core.secrets.Secret;
import io.streamplane.core.secrets.SecretVersion;
import io.streamplane.core.security.ClusterSecurity;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The store behaves the same on the embedded H2 default and on a real PostgreSQL server. */
class JdbcStoreTest {
    private static final int WRITES = 200;
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    private static EmbeddedPostgres postgres;
    @TempDir
    static Path h2Dir;

    @BeforeAll
    static void startPostgres() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        postgres.close();
    }

    static Stream<String> databases() {
        return Stream.of("h2", "postgresql");
    }

    private static JdbcStore open(String database) {
        if (database.equals("h2")) {
            return JdbcStore.open(JdbcStore.h2Url(h2Dir.resolve(UUID.randomUUID().toString())), "", "");
        }
        String schema = "s" + UUID.randomUUID().toString().replace("-", "");
        try (var c = postgres.getPostgresDatabase().getConnection()) {
            c.createStatement().execute("CREATE SCHEMA " + schema);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return JdbcStore.open(postgres.getJdbcUrl("postgres", "postgres") + "&currentSchema=" + schema,
                "postgres", "postgres");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void theAnswerToASignedChange_isKeptUntilItsSignatureExpires_andTheFirstOneStays(String database) {
        var store = open(database);
        var first = new RecordedAnswer(200, Map.of("Content-Type", "application/json", "x-amzn-RequestId", "r1"),
                "{\"arn\":\"a\"}".getBytes(StandardCharsets.UTF_8));
        var second = new RecordedAnswer(200, Map.of(), "{}".getBytes(StandardCharsets.UTF_8));
        store.answers().record("sig-1", first, NOW.plusSeconds(900), NOW);
        store.answers().record("sig-1", second, NOW.plusSeconds(900), NOW);

        assertThat(store.answers().answerTo("sig-1", NOW.plusSeconds(899))).contains(first);
        assertThat(store.answers().answerTo("sig-1", NOW.plusSeconds(900))).isEmpty();
        assertThat(store.answers().answerTo("sig-2", NOW)).isEmpty();

        // Recording forgets what has expired.
        store.answers().record("sig-2", second, NOW.plusSeconds(2000), NOW.plusSeconds(1000));
        assertThat(store.answers().answerTo("sig-1", NOW)).isEmpty();
    }

    @Test
    void answersToSignedChanges_surviveARestart() {
        String url = JdbcStore.h2Url(h2Dir.resolve("restart-" + UUID.randomUUID()));
        var answer = new RecordedAnswer(200, Map.of("Content-Type", "application/json"),
                "{\"name\":\"AmazonMSK_alice\"}".getBytes(StandardCharsets.UTF_8));
        var store = JdbcStore.open(url, "", "");
        store.answers().record("sig", answer, NOW.plusSeconds(900), NOW);
        store.close();

        var reopened = JdbcStore.open(url, "", "");
        assertThat(reopened.answers().answerTo("sig", NOW.plusSeconds(60))).contains(answer);
        reopened.close();
    }

    @Test
    void aPostgresSchema_servesOneServerAtATime_andTheRefusalNamesTheHolder() {
        String url = postgres.getJdbcUrl("postgres", "postgres") + "&currentSchema=locked"
                + UUID.randomUUID().toString().replace("-", "");
        var first = JdbcStore.open(url, "postgres", "postgres");
        assertThatThrownBy(() -> JdbcStore.open(url, "postgres", "postgres"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("Another Streamplane server uses this database: streamplane server pid "
                        + ProcessHandle.current().pid() + " on ")
                .hasMessageContaining("holds search path locked");
        first.close();
        JdbcStore.open(url, "postgres", "postgres").close();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void createCluster_storesClusterNodesTagsAndOperationTogether(String database) {
        var store = open(database);
        var cluster = cluster("alpha", 1);
        var operation = operation(cluster);
        store.operations().createCluster(cluster, nodes(cluster), Map.of("team", "data"), operation);

        assertThat(store.clusters().findCluster(cluster.arn())).contains(cluster);
        assertThat(store.clusters().nodes(cluster.arn())).containsExactlyElementsOf(nodes(cluster));
        assertThat(store.tags().tags(cluster.arn())).containsExactly(Map.entry("team", "data"));
        assertThat(store.operations().findOperation(operation.arn())).contains(operation);
        assertThat(store.operations().unfinishedOperations()).containsExactly(operation);
        assertThat(store.clusters().networkSlotsInUse()).containsExactly(1);
    }

    @ParameterizedTest
    @MethodSource("databases")
    void createCluster_refusesATakenNameAndKeepsTheFirstCluster(String database) {
        var store = open(database);
        var first = cluster("dup", 1);
        store.operations().createCluster(first, nodes(first), Map.of(), operation(first));
        var second = cluster("dup", 2);

        assertThatThrownBy(() -> store.operations().createCluster(second, nodes(second), Map.of(), operation(second)))
                .isInstanceOf(Conflict.class);
        assertThat(store.clusters().listClusters()).containsExactly(first);
        assertThat(store.clusters().nodes(second.arn())).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void updates_persistStateProcessesAndOperationProgress(String database) {
        var store = open(database);
        var cluster = cluster("beta", 3);
        var operation = operation(cluster);
        store.operations().createCluster(cluster, nodes(cluster), Map.of(), operation);

        var failed = cluster.withState(ClusterState.FAILED, Optional.of(new StateInfo("CODE", "why")))
                .withActiveOperation(Optional.empty());
        store.clusters().updateCluster(failed);
        var node = nodes(cluster).get(0).withProcess(Optional.of(new NodeProcess(4242, NOW)));
        store.clusters().updateNode(node);
        var progressed = operation.withStep("PREPARE_NODES", StepStatus.COMPLETE)
                .failed(NOW.plusSeconds(5), new ErrorInfo("TIMEOUT", "took too long"));
        store.operations().updateOperation(progressed);

        assertThat(store.clusters().findCluster(cluster.arn())).contains(failed);
        assertThat(store.clusters().nodes(cluster.arn()).get(0)).isEqualTo(node);
        assertThat(store.operations().findOperation(operation.arn())).contains(progressed);
        assertThat(progressed.state()).isEqualTo(OperationState.UPDATE_FAILED);
        assertThat(store.operations().unfinishedOperations()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void close_thenOpenAgain_findsTheStateKept(String database) {
        var dir = h2Dir.resolve(UUID.randomUUID().toString());
        var store = database.equals("h2") ? JdbcStore.open(JdbcStore.h2Url(dir), "", "") : open(database);
        var cluster = cluster("kept", 5);
        store.operations().createCluster(cluster, nodes(cluster), Map.of(), operation(cluster));
        store.close();

        if (database.equals("h2")) {
            try (var reopened = JdbcStore.open(JdbcStore.h2Url(dir), "", "")) {
                assertThat(reopened.clusters().findCluster(cluster.arn())).contains(cluster);
            }
        } else {
            assertThat(store.clusters().findCluster(cluster.arn())).contains(cluster);
        }
    }

    /**
     * Shutdown interrupts the threads of running operations, which then record where they stopped.
     * On a plain H2 file an interrupted write closes the database and can leave it unreadable.
     */
    @Test
    void writesOfAnInterruptedThread_keepTheDatabaseOpenAndWhole_andTheThreadInterrupted() throws Exception {
        var dir = h2Dir.resolve(UUID.randomUUID().toString());
        var cluster = cluster("interrupted", 6);
        var stillInterrupted = new AtomicInteger();
        try (var store = JdbcStore.open(JdbcStore.h2Url(dir), "", "")) {
            store.operations().createCluster(cluster, nodes(cluster), Map.of(), operation(cluster));
            var writer = new Thread(() -> {
                for (int i = 0; i < WRITES; i++) {
                    Thread.currentThread().interrupt();
                    store.clusters().updateCluster(written(cluster, i));
                    if (Thread.interrupted()) {
                        stillInterrupted.incrementAndGet();
                    }
                }
            });
            writer.start();
            writer.join(Duration.ofMinutes(2).toMillis());
            assertThat(writer.isAlive()).isFalse();
        }
        assertThat(stillInterrupted).hasValue(WRITES);
        try (var reopened = JdbcStore.open(JdbcStore.h2Url(dir), "", "")) {
            assertThat(reopened.clusters().findCluster(cluster.arn())).contains(written(cluster, WRITES - 1));
        }
    }

    private static Cluster written(Cluster cluster, int write) {
        return cluster.withState(ClusterState.ACTIVE, Optional.of(new StateInfo("WRITE", "write " + write)));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void deleteCluster_forgetsClusterNodesAndTagsButKeepsOperations(String database) {
        var store = open(database);
        var cluster = cluster("gamma", 4);
        var operation = operation(cluster);
        store.operations().createCluster(cluster, nodes(cluster), Map.of("a", "1"), operation);
        store.tags().putTags(cluster.arn(), Map.of("b", "2", "a", "3"));
        assertThat(store.tags().tags(cluster.arn())).containsExactly(Map.entry("a", "3"), Map.entry("b", "2"));
        store.tags().removeTags(cluster.arn(), List.of("a"));
        assertThat(store.tags().tags(cluster.arn())).containsExactly(Map.entry("b", "2"));

        var ended = operation.completed(NOW.plusSeconds(5));
        store.operations().endOperation(ended, ClusterOutcome.removed());

        assertThat(store.clusters().findCluster(cluster.arn())).isEmpty();
        assertThat(store.clusters().nodes(cluster.arn())).isEmpty();
        assertThat(store.tags().tags(cluster.arn())).isEmpty();
        assertThat(store.operations().operations(cluster.arn())).containsExactly(ended);
    }

    @ParameterizedTest
    @MethodSource("databases")
    void configurations_keepEveryRevisionAndRefuseATakenName(String database) {
        var store = open(database);
        var first = new ConfigurationRevision(1, "first", NOW, "num.partitions=2\n");
        var configuration = new Configuration("arn:config/big", "big", "desc", List.of("4.1.x.kraft"), NOW,
                ConfigurationState.ACTIVE, first);
        store.configurations().createConfiguration(configuration);
        var second = new ConfigurationRevision(2, "second", NOW.plusSeconds(1), "num.partitions=3\n");
        store.configurations().addConfigurationRevision(configuration.arn(), second);

        assertThat(store.configurations().findConfiguration(configuration.arn())).contains(configuration.withLatestRevision(second));
        assertThat(store.configurations().findConfigurationRevision(configuration.arn(), 1)).contains(first);
        assertThat(store.configurations().configurationRevisions(configuration.arn())).containsExactly(second, first);
        assertThatThrownBy(() -> store.configurations().createConfiguration(new Configuration("arn:config/other", "big", "", List.of(),
                NOW, ConfigurationState.ACTIVE, first))).isInstanceOf(Conflict.class);

        store.configurations().deleteConfiguration(configuration.arn());
        assertThat(store.configurations().listConfigurations()).isEmpty();
        assertThat(store.configurations().configurationRevisions(configuration.arn())).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void secrets_keepTheirVersions_andTheClustersThatUseThem(String database) {
        try (var store = open(database)) {
            var secrets = store.secrets();
            var first = new SecretVersion("v1", "{\"username\":\"alice\",\"password\":\"a\"}", NOW);
            var secret = new Secret("arn:secret:AmazonMSK_alice-AbCdEf", "AmazonMSK_alice", "", Optional.of("key-1"),
                    NOW, NOW, Optional.empty(), "v1", Optional.empty());
            secrets.createSecret(secret, first, Map.of());
            var cluster = cluster("scram", 7);
            store.operations().createCluster(cluster, nodes(cluster), Map.of(), operation(cluster));

            var updated = secret.withNewCurrentVersion("v2", NOW.plusSeconds(1));
            secrets.addVersion(updated, new SecretVersion("v2", "two", NOW.plusSeconds(1)));
            secrets.associateScramSecret(cluster.arn(), secret.arn(), "alice");

            assertThat(secrets.findSecretByName("AmazonMSK_alice")).contains(updated);
            assertThat(secrets.findVersion(secret.arn(), "v1")).contains(first);
            assertThat(secrets.scramAssociations(cluster.arn()))
                    .containsExactly(new ScramAssociation(secret.arn(), "alice"));
            assertThat(secrets.clustersUsingSecret(secret.arn())).containsExactly(cluster.arn());
            assertThatThrownBy(() -> secrets.createSecret(secret, first, Map.of())).isInstanceOf(Conflict.class);

            store.operations().endOperation(operation(cluster).completed(NOW), ClusterOutcome.removed());
            assertThat(secrets.clustersUsingSecret(secret.arn())).isEmpty();
            var scheduled = updated.withDeletedDate(Optional.of(NOW.plusSeconds(60)));
            secrets.updateSecret(scheduled);
            assertThat(secrets.findSecretByArn(secret.arn())).contains(scheduled);
            secrets.deleteSecret(secret.arn());
            assertThat(secrets.listSecrets()).isEmpty();
            assertThat(secrets.findVersion(secret.arn(), "v1")).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void certificateAuthorities_keepTheirKeysApart_andTheCertificatesTheyIssued(String database) {
        try (var store = open(database)) {
            var authorities = store.certificateAuthorities();
            var authority = new PrivateCertificateAuthority("arn:ca/1", "CN=Payments CA", "EC_prime256v1",
                    "SHA256WITHECDSA", NOW, NOW, NOW.plusSeconds(3600), "0a1b", "-----BEGIN CERTIFICATE-----\n",
                    PrivateCertificateAuthority.ACTIVE, NOW, Optional.empty(),
                    new AuthorityOptions(AuthorityOptions.SHORT_LIVED_CERTIFICATE, AuthorityOptions.FIPS_LEVEL_3,
                            Optional.of("{\"CrlConfiguration\":{\"Enabled\":false}}")));
            authorities.createAuthority(authority, "-----BEGIN PRIVATE KEY-----\n", Optional.of("token-1"));
            authorities.addCertificate(authority.arn(), "arn:ca/1/certificate/c1", "CERT", Optional.of("issue-1"));

            assertThat(authorities.findAuthority(authority.arn())).contains(authority);
            assertThat(authorities.findAuthorityByToken("token-1")).contains(authority);
            assertThat(authorities.listAuthorities()).containsExactly(authority);
            assertThat(authorities.privateKey(authority.arn())).contains("-----BEGIN PRIVATE KEY-----\n");
            assertThat(authorities.findCertificate(authority.arn(), "arn:ca/1/certificate/c1")).contains("CERT");
            assertThat(authorities.findCertificateByToken(authority.arn(), "issue-1")).contains("arn:ca/1/certificate/c1");
            assertThat(authorities.findCertificate("arn:ca/2", "arn:ca/1/certificate/c1")).isEmpty();
            assertThat(authorities.csr(authority.arn())).isEmpty();
            authorities.saveCsr(authority.arn(), "CSR-1");
            authorities.saveCsr(authority.arn(), "CSR-2");
            assertThat(authorities.csr(authority.arn())).as("made once, then kept").contains("CSR-1");

            var deleted = authority.withStatus(PrivateCertificateAuthority.DELETED, NOW.plusSeconds(5),
                    Optional.of(NOW.plusSeconds(86400)));
            authorities.updateAuthority(deleted);
            assertThat(authorities.findAuthority(authority.arn())).contains(deleted);
            authorities.deleteAuthority(authority.arn());
            assertThat(authorities.findAuthority(authority.arn())).isEmpty();
            assertThat(authorities.findCertificate(authority.arn(), "arn:ca/1/certificate/c1")).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void connectResources_keepEveryField_andRefuseATakenNameOfTheirKind(String database) {
        try (var store = open(database)) {
            var connect = store.connect();
            var plugin = new CustomPlugin("arn:aws:kafkaconnect:us-east-1:000000000000:custom-plugin/cdc/u-1", "cdc",
                    "Debezium", PluginContentType.ZIP, new S3ObjectLocation("arn:aws:s3:::plugins", "cdc.zip",
                    Optional.of("v1")), NOW, CustomPluginState.CREATING, Optional.empty(), Optional.empty(), List.of());
            connect.createCustomPlugin(plugin, Map.of("team", "cdc"));
            var active = plugin.active(new PluginFile("0cc175b9c0f1b6a831c399e269772661", 42),
                    List.of(new ConnectorClass("io.debezium.connector.postgresql.PostgresConnector", "source", "3.3")));
            connect.updateCustomPlugin(active);
            var workers = new WorkerConfiguration("arn:aws:kafkaconnect:us-east-1:000000000000:worker-configuration/"
                    + "cdc/u-2", "cdc", "", NOW, WorkerConfigurationState.ACTIVE,
                    new WorkerConfigurationRevision(1, "", NOW, "key.converter=x\nvalue.converter=y\n"));
            connect.createWorkerConfiguration(workers, Map.of());

            assertThat(connect.findCustomPlugin(plugin.arn())).contains(active);
            assertThat(connect.listCustomPlugins()).containsExactly(active);
            assertThat(connect.findWorkerConfiguration(workers.arn())).contains(workers);
            assertThat(connect.findCustomPlugin(workers.arn())).as("kinds stay apart").isEmpty();
            assertThatThrownBy(() -> connect.createCustomPlugin(new CustomPlugin(plugin.arn() + "x", "cdc", "",
                    PluginContentType.JAR, plugin.location(), NOW, CustomPluginState.CREATING, Optional.empty(),
                    Optional.empty(), List.of()), Map.of("team", "other"))).isInstanceOf(Conflict.class);
            assertThat(store.tags().tags(plugin.arn() + "x")).as("a refused create writes no tags").isEmpty();
            assertThat(store.tags().tags(plugin.arn())).containsExactly(Map.entry("team", "cdc"));
            connect.deleteCustomPlugin(plugin.arn());
            assertThat(connect.listCustomPlugins()).isEmpty();
            assertThat(store.tags().tags(plugin.arn())).as("deleted with the plugin").isEmpty();
            assertThat(connect.listWorkerConfigurations()).containsExactly(workers);
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aConnectDocumentBeyondAMillionCharacters_isKeptWhole(String database) {
        try (var store = open(database)) {
            // a connector configuration may fill a 1 MiB request body; its document holds more
            String properties = "k=" + "v".repeat(1_100_000) + "\n";
            var workers = new WorkerConfiguration("arn:aws:kafkaconnect:us-east-1:000000000000:worker-configuration/"
                    + "big/u-3", "big", "", NOW, WorkerConfigurationState.ACTIVE,
                    new WorkerConfigurationRevision(1, "", NOW, properties));
            store.connect().createWorkerConfiguration(workers, Map.of());
            assertThat(store.connect().findWorkerConfiguration(workers.arn())).contains(workers);
        }
    }

    private static Cluster cluster(String name, int slot) {
        String uuid = UUID.randomUUID() + "-1";
        var spec = new ClusterSpec("kafka.m5.large", List.of("subnet-1", "subnet-2", "subnet-3"), List.of("sg-1"), 100,
                "4.1.x.kraft", 3, "LOCAL", "DEFAULT", Optional.of(new ConfigurationRef("arn:config/x", 2)),
                new OpenMonitoring(true, false), ClusterSpec.REBALANCING_ACTIVE,
                new ClusterSecurity(ClusterSecurity.TLS_PLAINTEXT, true, false, true, true,
                        List.of("arn:aws:acm-pca:us-east-1:000000000000:certificate-authority/ca-1")),
                new RecordedSettings(Optional.of("arn:aws:kms:us-east-1:000000000000:key/k-1"),
                        Optional.of("{\"brokerLogs\":{\"s3\":{\"enabled\":false}}}"), Optional.empty(), "IPV4",
                        List.of("use1-az1", "use1-az2", "use1-az3"), Optional.of("{\"enabled\":false}")));
        return new Cluster("arn:aws:kafka:us-east-1:000000000000:cluster/" + name + "/" + uuid, name, uuid,
                ClusterState.CREATING, Optional.empty(), NOW, "K0000000000001", spec,
                Optional.of("arn:op/" + uuid), slot, "kafka-cluster-id-" + slot);
    }

    @ParameterizedTest
    @MethodSource("databases")
    void nodesAddedAndRemoved_changeOnlyThoseNodes(String database) {
        var store = open(database);
        var cluster = cluster("gamma", 3);
        store.operations().createCluster(cluster, nodes(cluster), Map.of(), operation(cluster));
        var zone = new AvailabilityZone("us-east-1b", "use1-az2", "subnet-2");
        var added = new ClusterNode(cluster.arn(), 2, NodeRole.BROKER, zone, "127.1.1.2", 9092, NOW, Optional.empty());

        store.clusters().addNodes(List.of(added, nodes(cluster).get(0)));
        store.clusters().addNodes(List.of(added));
        assertThat(store.clusters().nodes(cluster.arn())).extracting(ClusterNode::nodeId).containsExactlyInAnyOrder(1, 2, 3001);
        assertThat(store.clusters().nodes(cluster.arn())).contains(added);

        store.clusters().removeNode(cluster.arn(), 1);
        store.clusters().removeNode(cluster.arn(), 1);
        assertThat(store.clusters().nodes(cluster.arn())).extracting(ClusterNode::nodeId).containsExactlyInAnyOrder(2, 3001);
    }

    private static List<ClusterNode> nodes(Cluster cluster) {
        var zone = new AvailabilityZone("us-east-1a", "use1-az1", "subnet-1");
        return List.of(
                new ClusterNode(cluster.arn(), 1, NodeRole.BROKER, zone, "127.1.1.1", 9092, NOW, Optional.empty()),
                new ClusterNode(cluster.arn(), 3001, NodeRole.CONTROLLER, zone, "127.1.1.201", 9093, NOW,
                        Optional.empty()));
    }

    private static ClusterOperation operation(Cluster cluster) {
        return ClusterOperation.pending("arn:op/" + cluster.uuid(), cluster.arn(), OperationType.CREATE_CLUSTER,
                CreateClusterPlan.STEPS, NOW, Optional.empty(), Optional.of(cluster.spec()));
    }
}
