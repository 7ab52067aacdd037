package io.streamplane.it;

import io.streamplane.core.kafka.ZooKeeperProbe;
import io.streamplane.testkit.NodeProcesses;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AccessControlEntryFilter;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourcePatternFilter;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kafka.model.BadRequestException;
import software.amazon.awssdk.services.kafka.model.NotFoundException;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * A cluster on MSK's {@code 3.8.x}, which keeps its metadata in ZooKeeper: a hidden three-server
 * ensemble of the ZooKeeper the release ships with, one server per zone, and brokers that reach it.
 * Under live acks=all traffic it rolls a configuration, heals a killed broker and a killed ZooKeeper
 * server, and upgrades to {@code 3.9.x} (the brokers held at the old inter-broker protocol until all
 * run the new release), scales out and in again, applies a change live, grows its volumes and
 * rolls onto a new broker type and onto open monitoring; no acknowledged record is lost, duplicated
 * or reordered.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ZooKeeperClusterIT extends LiveClusterIT {
    private static final String VERSION = "3.8.x";
    private static final String NEXT_VERSION = "3.9.x";
    private static final List<Integer> ZOOKEEPER_SERVERS = List.of(3001, 3002, 3003);

    ZooKeeperClusterIT() {
        super("zookeeper", VERSION);
    }

    @Test
    @Order(1)
    void theClusterRunsOnAHiddenZooKeeperEnsemble_thatDescribeNames() throws Exception {
        assertThat(NodeProcesses.pidsOf(clusterArn)).hasSize(6);
        for (int id : ZOOKEEPER_SERVERS) {
            assertThat(commandLine(id)).contains("org.apache.zookeeper.server.quorum.QuorumPeerMain")
                    .contains("/3.8.1/libs");
        }
        var info = kafka.describeClusterV2(r -> r.clusterArn(clusterArn)).clusterInfo();
        String connect = info.provisioned().zookeeperConnectString();
        assertThat(connect.split(",")).hasSize(3).allSatisfy(a -> assertThat(a).endsWith(":2181"));
        assertThat(kafka.describeCluster(r -> r.clusterArn(clusterArn)).clusterInfo().zookeeperConnectString())
                .isEqualTo(connect);
        var modes = Arrays.stream(connect.split(",")).map(ZooKeeperClusterIT::zookeeperMode).toList();
        assertThat(modes).as("one leader and two followers").containsExactlyInAnyOrder("leader", "follower",
                "follower");
        assertThat(kafka.listNodes(r -> r.clusterArn(clusterArn)).nodeInfoList())
                .as("only brokers are the user's to see").hasSize(3);
        try (var admin = admin()) {
            var cluster = admin.describeCluster();
            int controller = cluster.controller().get(10, TimeUnit.SECONDS).id();
            assertThat(controller).as("the controller is one of the brokers").isBetween(1, 3);
            assertThat(cluster.nodes().get(10, TimeUnit.SECONDS)).extracting(n -> n.rack())
                    .containsExactlyInAnyOrder("use1-az1", "use1-az2", "use1-az3");
            assertThat(brokerConfig(admin, "inter.broker.protocol.version")).startsWith("3.8");
        }
    }

    @Test
    @Order(2)
    void aclsAreEnforced_throughTheAuthorizerThatKeepsThemInZooKeeper() throws Exception {
        var deny = new AclBinding(new ResourcePattern(ResourceType.TOPIC, TOPIC, PatternType.LITERAL),
                new AccessControlEntry("User:ANONYMOUS", "*", AclOperation.WRITE, AclPermissionType.DENY));
        try (var admin = admin()) {
            admin.createAcls(List.of(deny)).all().get(10, TimeUnit.SECONDS);
            try (var producer = producer()) {
                assertThatThrownBy(() -> producer.send(new ProducerRecord<>(TOPIC, "k", "denied")).get(30,
                        TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                        .hasCauseInstanceOf(TopicAuthorizationException.class);
            }
            admin.deleteAcls(List.of(new AclBindingFilter(new ResourcePatternFilter(ResourceType.TOPIC, TOPIC,
                    PatternType.LITERAL), AccessControlEntryFilter.ANY))).all().get(10, TimeUnit.SECONDS);
        }
        // Each broker learns of the deletion through its own ZooKeeper watch, a moment later.
        await("the deny ACL to be gone from every broker").atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            try (var producer = producer()) {
                assertThat(producer.send(new ProducerRecord<>(TOPIC, "k", "allowed")).get(30, TimeUnit.SECONDS)
                        .offset()).isNotNegative();
            }
        });
    }

    @Test
    @Order(3)
    void aZooKeeperOnlyProperty_isAccepted_andRollsEveryBroker_theControllerLast() throws Exception {
        String configuration = kafka.createConfiguration(r -> r.name("zookeeper-sessions").kafkaVersions(VERSION)
                .serverProperties(SdkBytes.fromUtf8String("zookeeper.session.timeout.ms=9000"))).arn();
        var brokersBefore = Set.of(pid(1), pid(2), pid(3));
        int controller;
        try (var admin = admin()) {
            controller = admin.describeCluster().controller().get(10, TimeUnit.SECONDS).id();
        }

        var operation = changeUnderTraffic(() -> kafka.updateClusterConfiguration(r -> r.clusterArn(clusterArn)
                .currentVersion(currentVersion()).configurationInfo(c -> c.arn(configuration).revision(1L)))
                .clusterOperationArn());

        var restarts = operation.provisioned().operationSteps().stream().map(s -> s.stepName())
                .filter(n -> n.startsWith("RESTART_BROKER_")).toList();
        assertThat(restarts).hasSize(3).as("the controller broker restarts last")
                .endsWith("RESTART_BROKER_" + controller);
        assertThat(Set.of(pid(1), pid(2), pid(3))).doesNotContainAnyElementsOf(brokersBefore);
        try (var admin = admin()) {
            assertThat(brokerConfig(admin, "zookeeper.session.timeout.ms")).isEqualTo("9000");
        }
    }

    @Test
    @Order(4)
    void aKilledBroker_isRestartedWithItsData_onceItsZooKeeperSessionHasEnded() throws Exception {
        healUnderTraffic(List.of(2), () -> NodeProcesses.kill(clusterArn, 2));
        // A new process started while the crashed one's session still registers the broker would exit:
        // the healing waits for the session to end instead, and so succeeds the first time.
        assertThat(kafka.listClusterOperationsV2(r -> r.clusterArn(clusterArn)).clusterOperationInfoList())
                .filteredOn(o -> o.operationType().equals("HEAL_CLUSTER"))
                .singleElement().satisfies(o -> assertThat(o.operationState()).isEqualTo("UPDATE_COMPLETE"));
    }

    @Test
    @Order(5)
    void aKilledZooKeeperServer_isRestarted_andRejoinsTheEnsemble() throws Exception {
        healUnderTraffic(List.of(3003), () -> NodeProcesses.kill(clusterArn, 3003));
        String connect = kafka.describeClusterV2(r -> r.clusterArn(clusterArn)).clusterInfo().provisioned()
                .zookeeperConnectString();
        assertThat(Arrays.stream(connect.split(",")).map(ZooKeeperClusterIT::zookeeperMode))
                .containsExactlyInAnyOrder("leader", "follower", "follower");
    }

    @Test
    @Order(6)
    void movingToKraftInPlace_isRefused() {
        assertThat(kafka.getCompatibleKafkaVersions(r -> r.clusterArn(clusterArn)).compatibleKafkaVersions())
                .singleElement().satisfies(c -> assertThat(c.targetVersions()).contains(NEXT_VERSION)
                        .noneMatch(v -> v.endsWith(".kraft")));
        assertThatThrownBy(() -> kafka.updateClusterKafkaVersion(r -> r.clusterArn(clusterArn)
                .currentVersion(currentVersion()).targetKafkaVersion("3.9.x.kraft")))
                .isInstanceOfSatisfying(BadRequestException.class,
                        e -> assertThat(e.invalidParameter()).isEqualTo("targetKafkaVersion"));
    }

    @Test
    @Order(7)
    void anUpgrade_rollsTheBrokersOntoTheNewRelease_thenOntoItsProtocol() throws Exception {
        var zookeeperBefore = ZOOKEEPER_SERVERS.stream().map(this::pid).toList();

        var operation = changeUnderTraffic(() -> kafka.updateClusterKafkaVersion(r -> r.clusterArn(clusterArn)
                .currentVersion(currentVersion()).targetKafkaVersion(NEXT_VERSION)).clusterOperationArn());

        var steps = operation.provisioned().operationSteps().stream().map(s -> s.stepName()).toList();
        assertThat(steps).hasSize(9).startsWith("INSTALL_KAFKA_RELEASE", "WRITE_NODE_CONFIGURATION");
        assertThat(steps.subList(2, 5)).containsExactlyInAnyOrder("RESTART_BROKER_1", "RESTART_BROKER_2",
                "RESTART_BROKER_3");
        assertThat(steps.get(5)).isEqualTo("RAISE_INTER_BROKER_PROTOCOL_VERSION");
        assertThat(steps.subList(6, 9)).containsExactlyInAnyOrder("RESTART_BROKER_ON_NEW_PROTOCOL_1",
                "RESTART_BROKER_ON_NEW_PROTOCOL_2", "RESTART_BROKER_ON_NEW_PROTOCOL_3");
        for (int broker = 1; broker <= 3; broker++) {
            assertThat(commandLine(broker)).contains("/3.9.2/libs");
        }
        assertThat(ZOOKEEPER_SERVERS.stream().map(this::pid).toList())
                .as("the ensemble is not restarted by an upgrade of the brokers").isEqualTo(zookeeperBefore);
        try (var admin = admin()) {
            assertThat(brokerConfig(admin, "inter.broker.protocol.version")).startsWith("3.9");
        }
    }

    @Test
    @Order(8)
    void scalingOutAndIn_movesReplicasOntoTheNewBrokersAndOffThemAgain() throws Exception {
        var out = changeUnderTraffic(() -> kafka.updateBrokerCount(r -> r.clusterArn(clusterArn)
                .currentVersion(currentVersion()).targetNumberOfBrokerNodes(6)).clusterOperationArn());
        assertThat(out.provisioned().operationSteps()).extracting(s -> s.stepName())
                .containsExactly("ADD_BROKERS", "REBALANCE_PARTITIONS");
        try (var admin = admin()) {
            assertThat(replicaBrokers(admin)).as("replicas on the new brokers too").contains(4, 5, 6);
        }

        changeUnderTraffic(() -> kafka.updateBrokerCount(r -> r.clusterArn(clusterArn)
                .currentVersion(currentVersion()).targetNumberOfBrokerNodes(3)).clusterOperationArn());
        assertThat(NodeProcesses.pidsOf(clusterArn)).hasSize(6);
        try (var admin = admin()) {
            assertThat(replicaBrokers(admin)).containsExactlyInAnyOrder(1, 2, 3);
            assertThat(admin.describeCluster().nodes().get(10, TimeUnit.SECONDS)).extracting(n -> n.id())
                    .as("a ZooKeeper cluster's brokers leave its metadata as they stop")
                    .containsExactlyInAnyOrder(1, 2, 3);
        }
    }

    @Test
    @Order(9)
    void aDynamicChange_appliesLive_andGrownVolumesNeedNoRestart() throws Exception {
        String configuration = kafka.createConfiguration(r -> r.name("zookeeper-dynamic").kafkaVersions(NEXT_VERSION)
                .serverProperties(SdkBytes.fromUtf8String("zookeeper.session.timeout.ms=9000\n"
                        + "message.max.bytes=2097152"))).arn();
        var before = NodeProcesses.pidsOf(clusterArn);

        var dynamic = changeUnderTraffic(() -> kafka.updateClusterConfiguration(r -> r.clusterArn(clusterArn)
                .currentVersion(currentVersion()).configurationInfo(c -> c.arn(configuration).revision(1L)))
                .clusterOperationArn());
        var storage = changeUnderTraffic(() -> kafka.updateBrokerStorage(r -> r.clusterArn(clusterArn)
                .currentVersion(currentVersion()).targetBrokerEBSVolumeInfo(v -> v.kafkaBrokerNodeId("ALL")
                        .volumeSizeGB(200))).clusterOperationArn());

        assertThat(dynamic.provisioned().operationSteps()).extracting(s -> s.stepName())
                .containsExactly("WRITE_NODE_CONFIGURATION", "APPLY_DYNAMIC_CONFIGURATION");
        assertThat(storage.provisioned().operationSteps()).extracting(s -> s.stepName())
                .containsExactly("WRITE_NODE_CONFIGURATION");
        assertThat(NodeProcesses.pidsOf(clusterArn)).as("nothing restarted").isEqualTo(before);
        try (var admin = admin()) {
            assertThat(brokerConfig(admin, "message.max.bytes")).isEqualTo("2097152");
        }
        assertThat(kafka.describeClusterV2(r -> r.clusterArn(clusterArn)).clusterInfo().provisioned()
                .brokerNodeGroupInfo().storageInfo().ebsStorageInfo().volumeSize()).isEqualTo(200);
    }

    @Test
    @Order(10)
    void aNewBrokerType_andOpenMonitoring_rollTheBrokers_whichThenServePrometheusMetrics() throws Exception {
        changeUnderTraffic(() -> kafka.updateBrokerType(r -> r.clusterArn(clusterArn).currentVersion(currentVersion())
                .targetInstanceType("kafka.m5.xlarge")).clusterOperationArn());
        changeUnderTraffic(() -> kafka.updateMonitoring(r -> r.clusterArn(clusterArn).currentVersion(currentVersion())
                .openMonitoring(o -> o.prometheus(p -> p.jmxExporter(j -> j.enabledInBroker(true))
                        .nodeExporter(n -> n.enabledInBroker(false))))).clusterOperationArn());

        for (int broker = 1; broker <= 3; broker++) {
            assertThat(commandLine(broker)).as("broker " + broker + " on the heap of kafka.m5.xlarge")
                    .contains("-Xmx1024m");
        }
        var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        for (String endpoint : bootstrap.split(",")) {
            String host = endpoint.substring(0, endpoint.lastIndexOf(':'));
            var response = http.send(HttpRequest.newBuilder(URI.create("http://" + host + ":11001/metrics"))
                    .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("kafka_server_BrokerTopicMetrics_Count{name=\"MessagesInPerSec\"");
        }
    }

    private static Set<Integer> replicaBrokers(Admin admin) throws Exception {
        return admin.describeTopics(List.of(TOPIC)).allTopicNames().get(10, TimeUnit.SECONDS).get(TOPIC)
                .partitions().stream().flatMap(p -> p.replicas().stream()).map(n -> n.id())
                .collect(Collectors.toSet());
    }

    @Test
    @Order(11)
    void theTopicApi_createsDescribesChangesAndDeletesTopicsInZooKeeperToo() {
        kafka.createTopic(r -> r.clusterArn(clusterArn).topicName("zk-orders").partitionCount(3).replicationFactor(3)
                .configs(TopicApiChecks.encode(Map.of("retention.ms", "3600000"))));
        assertThat(TopicApiChecks.matchesKafkaTopicsDescribe(kafka, clusterArn, bootstrap, "zk-orders"))
                .containsEntry("retention.ms", "3600000");

        kafka.updateTopic(r -> r.clusterArn(clusterArn).topicName("zk-orders").partitionCount(4)
                .configs(TopicApiChecks.encode(Map.of("cleanup.policy", "compact"))));
        var configs = TopicApiChecks.matchesKafkaTopicsDescribe(kafka, clusterArn, bootstrap, "zk-orders");
        assertThat(configs).containsEntry("cleanup.policy", "compact").doesNotContainEntry("retention.ms", "3600000");
        assertThat(kafka.listTopics(r -> r.clusterArn(clusterArn).topicNameFilter("zk-")).topics())
                .singleElement().satisfies(t -> assertThat(t.partitionCount()).isEqualTo(4));

        kafka.deleteTopic(r -> r.clusterArn(clusterArn).topicName("zk-orders"));
        await("the topic to go").atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThatThrownBy(
                () -> kafka.describeTopic(r -> r.clusterArn(clusterArn).topicName("zk-orders")))
                .isInstanceOf(NotFoundException.class));
    }

    private long pid(int nodeId) {
        return NodeProcesses.of(clusterArn, nodeId).orElseThrow().pid();
    }

    private String commandLine(int nodeId) {
        return NodeProcesses.of(clusterArn, nodeId).flatMap(p -> p.info().commandLine()).orElse("");
    }

    private static String brokerConfig(Admin admin, String name) throws Exception {
        var broker = new ConfigResource(ConfigResource.Type.BROKER, "1");
        return admin.describeConfigs(List.of(broker)).all().get(10, TimeUnit.SECONDS).get(broker).get(name).value();
    }

    private KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.MAX_BLOCK_MS_CONFIG, 30_000),
                new StringSerializer(), new StringSerializer());
    }

    /** What ZooKeeper's four-letter word {@code srvr} says the server at {@code address} is. */
    private static String zookeeperMode(String address) {
        String[] hostPort = address.split(":");
        return ZooKeeperProbe.mode(hostPort[0], Integer.parseInt(hostPort[1])).orElse("not serving");
    }
}
