package io.streamplane.it;

import io.streamplane.api.model.ServiceModel;
import io.streamplane.testkit.Clusters;
import io.streamplane.testkit.NodeProcesses;
import io.streamplane.testkit.RecordAudit;
import io.streamplane.testkit.StreamplaneFixture;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kafka.KafkaClient;
import software.amazon.awssdk.services.kafka.model.BadRequestException;
import software.amazon.awssdk.services.kafka.model.ClusterState;
import software.amazon.awssdk.services.kafka.model.ConflictException;
import software.amazon.awssdk.services.kafka.model.NodeInfo;
import software.amazon.awssdk.services.kafka.model.NotFoundException;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** What a user does from the README, with the AWS SDK and stock Kafka clients, on one real cluster. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterLifecycleIT {
    private static final List<String> SUBNETS = List.of("subnet-1", "subnet-2", "subnet-3");
    private StreamplaneFixture streamplane;
    private KafkaClient kafka;
    private String clusterArn;
    private String configurationArn;
    private String stateRightAfterCreate;

    @BeforeAll
    void createCluster() {
        streamplane = StreamplaneFixture.start();
        kafka = streamplane.kafkaClient();
        configurationArn = kafka.createConfiguration(r -> r.name("retention")
                .serverProperties(SdkBytes.fromUtf8String("log.retention.hours=72"))).arn();
        clusterArn = kafka.createClusterV2(r -> r.clusterName("demo").provisioned(p -> p
                .kafkaVersion(Clusters.KAFKA_VERSION)
                .numberOfBrokerNodes(3).encryptionInfo(Clusters.PLAINTEXT)
                .configurationInfo(c -> c.arn(configurationArn).revision(1L))
                .brokerNodeGroupInfo(b -> b.instanceType("kafka.m5.large").clientSubnets(SUBNETS)
                        .storageInfo(s -> s.ebsStorageInfo(e -> e.volumeSize(100)))))).clusterArn();
        stateRightAfterCreate = kafka.describeClusterV2(r -> r.clusterArn(clusterArn)).clusterInfo().stateAsString();
        Clusters.awaitState(kafka, clusterArn, ClusterState.ACTIVE);
    }

    @AfterAll
    void stopServer() {
        StreamplaneFixture.stop(streamplane, clusterArn);
    }

    @Test
    @Order(1)
    void createClusterV2_answersAtOnceWithCreatingThenBecomesActive() {
        assertThat(clusterArn).matches("arn:aws:kafka:us-east-1:000000000000:cluster/demo/[0-9a-f-]{36}-\\d");
        assertThat(stateRightAfterCreate).isEqualTo("CREATING");
        var info = kafka.describeClusterV2(r -> r.clusterArn(clusterArn)).clusterInfo();
        assertThat(info.state()).isEqualTo(ClusterState.ACTIVE);
        assertThat(info.activeOperationArn()).isNull();
        assertThat(info.provisioned().numberOfBrokerNodes()).isEqualTo(3);
        assertThat(info.provisioned().currentBrokerSoftwareInfo().kafkaVersion()).isEqualTo(Clusters.KAFKA_VERSION);
        assertThat(info.provisioned().currentBrokerSoftwareInfo().configurationArn()).isEqualTo(configurationArn);
        assertThat(info.provisioned().currentBrokerSoftwareInfo().configurationRevision()).isEqualTo(1L);
    }

    @Test
    @Order(2)
    void describeCluster_v1AndV2_tellTheSameStory() {
        var v1 = kafka.describeCluster(r -> r.clusterArn(clusterArn)).clusterInfo();
        var v2 = kafka.describeClusterV2(r -> r.clusterArn(clusterArn)).clusterInfo();

        assertThat(v1.clusterName()).isEqualTo(v2.clusterName()).isEqualTo("demo");
        assertThat(v1.currentVersion()).isEqualTo(v2.currentVersion());
        assertThat(v1.creationTime()).isEqualTo(v2.creationTime());
        assertThat(v1.brokerNodeGroupInfo().clientSubnets()).containsExactlyElementsOf(SUBNETS);
        assertThat(v1.brokerNodeGroupInfo().storageInfo().ebsStorageInfo().volumeSize()).isEqualTo(100);
        assertThat(v1.encryptionInfo().encryptionInTransit().clientBrokerAsString()).isEqualTo("PLAINTEXT");
    }

    @Test
    @Order(3)
    void listNodes_showsOneBrokerPerZoneWithItsEndpoint() {
        var nodes = kafka.listNodes(r -> r.clusterArn(clusterArn)).nodeInfoList();
        String bootstrap = Clusters.bootstrap(kafka, clusterArn);

        assertThat(nodes).hasSize(3);
        assertThat(nodes.stream().map(n -> n.brokerNodeInfo().clientSubnet())).containsExactlyElementsOf(SUBNETS);
        assertThat(nodes.stream().map(n -> n.brokerNodeInfo().brokerId())).containsExactly(1.0, 2.0, 3.0);
        for (NodeInfo node : nodes) {
            assertThat(bootstrap).contains(node.brokerNodeInfo().clientVpcIpAddress() + ":9092");
            assertThat(node.brokerNodeInfo().endpoints()).containsExactly(node.brokerNodeInfo().clientVpcIpAddress());
            assertThat(node.nodeTypeAsString()).isEqualTo("BROKER");
        }
    }

    @Test
    @Order(4)
    void brokers_runWithMskDefaultsAndTheirZoneAsRack() throws Exception {
        try (var admin = admin()) {
            var racks = admin.describeCluster().nodes().get(30, TimeUnit.SECONDS).stream()
                    .map(n -> n.rack()).collect(Collectors.toSet());
            assertThat(racks).containsExactlyInAnyOrder("use1-az1", "use1-az2", "use1-az3");

            var resource = new ConfigResource(ConfigResource.Type.BROKER, "1");
            var config = admin.describeConfigs(Set.of(resource)).all().get(30, TimeUnit.SECONDS).get(resource);
            assertThat(config.get("default.replication.factor").value()).isEqualTo("3");
            assertThat(config.get("auto.create.topics.enable").value()).isEqualTo("false");
            assertThat(config.get("message.max.bytes").value()).isEqualTo("1048588");
            assertThat(config.get("broker.rack").value()).isEqualTo("use1-az1");
            assertThat(config.get("log.retention.hours").value()).as("from the custom configuration").isEqualTo("72");
        }
    }

    @Test
    @Order(5)
    void everyRecordAcknowledgedWithAcksAll_isConsumed() throws Exception {
        try (var admin = admin()) {
            admin.createTopics(List.of(new NewTopic("orders", Optional.of(3), Optional.empty())))
                    .all().get(30, TimeUnit.SECONDS);
            // A new topic reaches every broker's metadata a moment after CreateTopics returns.
            await("topic orders to be visible").atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> {
                var replicas = admin.describeTopics(List.of("orders")).allTopicNames().get(10, TimeUnit.SECONDS)
                        .get("orders").partitions().get(0).replicas();
                assertThat(replicas).hasSize(3);
                var topic = new ConfigResource(ConfigResource.Type.TOPIC, "orders");
                var config = admin.describeConfigs(Set.of(topic)).all().get(10, TimeUnit.SECONDS).get(topic);
                assertThat(config.get("min.insync.replicas").value()).isEqualTo("2");
            });
        }
        var audit = new RecordAudit(Clusters.bootstrap(kafka, clusterArn), "orders");

        assertThat(audit.produce(500)).isEqualTo(500);
        assertThat(audit.missingAfterReading(Duration.ofSeconds(60))).isEmpty();
    }

    @Test
    @Order(6)
    void operations_showTheCompletedCreationStepByStep() {
        var operations = kafka.listClusterOperations(r -> r.clusterArn(clusterArn)).clusterOperationInfoList();
        assertThat(operations).hasSize(1);
        var creation = operations.get(0);
        assertThat(creation.operationType()).isEqualTo("CREATE_CLUSTER");
        assertThat(creation.operationState()).isEqualTo("UPDATE_COMPLETE");
        assertThat(creation.endTime()).isAfterOrEqualTo(creation.creationTime());
        assertThat(creation.operationSteps()).allSatisfy(s -> assertThat(s.stepInfo().stepStatus())
                .isEqualTo("COMPLETE"));
        assertThat(creation.operationSteps().stream().map(s -> s.stepName())).containsExactly(
                "PREPARE_NODES", "START_CONTROLLERS", "START_BROKERS", "AWAIT_BROKER_REGISTRATION");
        assertThat(creation.targetClusterInfo().numberOfBrokerNodes()).isEqualTo(3);

        var v2 = kafka.describeClusterOperationV2(r -> r.clusterOperationArn(creation.operationArn()))
                .clusterOperationInfo();
        assertThat(v2.operationState()).isEqualTo("UPDATE_COMPLETE");
        assertThat(v2.provisioned().operationSteps()).hasSize(4);
        assertThat(kafka.listClusterOperationsV2(r -> r.clusterArn(clusterArn)).clusterOperationInfoList())
                .extracting(s -> s.operationArn()).containsExactly(creation.operationArn());
    }

    @Test
    @Order(7)
    void tags_canBeAddedListedAndRemoved() {
        kafka.tagResource(r -> r.resourceArn(clusterArn).tags(Map.of("team", "data", "env", "test")));
        assertThat(kafka.listTagsForResource(r -> r.resourceArn(clusterArn)).tags())
                .containsExactlyInAnyOrderEntriesOf(Map.of("team", "data", "env", "test"));

        kafka.untagResource(r -> r.resourceArn(clusterArn).tagKeys("env"));

        assertThat(kafka.listTagsForResource(r -> r.resourceArn(clusterArn)).tags())
                .containsExactlyEntriesOf(Map.of("team", "data"));
        assertThat(kafka.describeCluster(r -> r.clusterArn(clusterArn)).clusterInfo().tags())
                .containsExactlyEntriesOf(Map.of("team", "data"));
    }

    @Test
    @Order(8)
    void listClusters_filtersByNameAndType() {
        assertThat(kafka.listClustersV2(r -> r.clusterNameFilter("de")).clusterInfoList())
                .extracting(c -> c.clusterArn()).containsExactly(clusterArn);
        assertThat(kafka.listClustersV2(r -> r.clusterNameFilter("other")).clusterInfoList()).isEmpty();
        assertThat(kafka.listClustersV2(r -> r.clusterTypeFilter("SERVERLESS")).clusterInfoList()).isEmpty();
        assertThat(kafka.listClusters(r -> r.maxResults(1)).clusterInfoList()).hasSize(1);
    }

    @Test
    @Order(9)
    void createCluster_withANameInUse_isAConflictAndChangesNothing() {
        assertThatThrownBy(() -> Clusters.createCluster(kafka, "demo", 3, SUBNETS))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.statusCode()).isEqualTo(409));
        assertThat(kafka.listClustersV2(r -> { }).clusterInfoList()).hasSize(1);
    }

    @Test
    @Order(10)
    void aConfigurationInUse_cannotBeDeleted() {
        assertThatThrownBy(() -> kafka.deleteConfiguration(r -> r.arn(configurationArn)))
                .isInstanceOfSatisfying(BadRequestException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .contains("You can't delete a configuration that's attached to a cluster").contains("demo"));
        assertThat(kafka.describeConfiguration(r -> r.arn(configurationArn)).stateAsString()).isEqualTo("ACTIVE");
    }

    @Test
    @Order(10)
    void aClusterPolicy_isStoredAsWritten_andChangedOnlyOverItsCurrentVersion() {
        assertThatThrownBy(() -> kafka.getClusterPolicy(r -> r.clusterArn(clusterArn)))
                .isInstanceOf(NotFoundException.class);
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Principal\":{\"AWS\":\"arn:aws:iam::111122223333:root\"},"
                + "\"Action\":[\"kafka:CreateVpcConnection\",\"kafka:GetBootstrapBrokers\"],\"Resource\":\"" + clusterArn
                + "\"}]}";

        String first = kafka.putClusterPolicy(r -> r.clusterArn(clusterArn).policy(policy)).currentVersion();
        var read = kafka.getClusterPolicy(r -> r.clusterArn(clusterArn));
        assertThat(read.policy()).isEqualTo(policy);
        assertThat(read.currentVersion()).isEqualTo(first);

        String wider = policy.replace("\"kafka:GetBootstrapBrokers\"", "\"kafka:GetBootstrapBrokers\",\"kafka:DescribeClusterV2\"");
        String second = kafka.putClusterPolicy(r -> r.clusterArn(clusterArn).policy(wider).currentVersion(first))
                .currentVersion();
        assertThat(second).isNotEqualTo(first);
        assertThatThrownBy(() -> kafka.putClusterPolicy(r -> r.clusterArn(clusterArn).policy(policy)
                .currentVersion(first))).isInstanceOfSatisfying(BadRequestException.class,
                        e -> assertThat(e.invalidParameter()).isEqualTo("currentVersion"));
        assertThatThrownBy(() -> kafka.putClusterPolicy(r -> r.clusterArn(clusterArn).policy("{\"Statement\":")))
                .isInstanceOfSatisfying(BadRequestException.class,
                        e -> assertThat(e.invalidParameter()).isEqualTo("policy"));
        assertThat(kafka.getClusterPolicy(r -> r.clusterArn(clusterArn)).policy()).isEqualTo(wider);

        kafka.deleteClusterPolicy(r -> r.clusterArn(clusterArn));
        assertThatThrownBy(() -> kafka.getClusterPolicy(r -> r.clusterArn(clusterArn)))
                .isInstanceOf(NotFoundException.class);
        kafka.putClusterPolicy(r -> r.clusterArn(clusterArn).policy(policy));
    }

    @Test
    @Order(10)
    void everyResponse_usesOnlyTheModelsMembersAndTypes() throws Exception {
        kafka.createTopic(r -> r.clusterArn(clusterArn).topicName("conformance").partitionCount(3)
                .replicationFactor(3));
        var http = new SignedHttp(streamplane.endpoint());
        var conformance = new ModelConformance(ServiceModel.load("/aws-models/kafka.service.json"));
        String arn = URLEncoder.encode(clusterArn, StandardCharsets.UTF_8);
        String operationArn = URLEncoder.encode(kafka.listClusterOperations(r -> r.clusterArn(clusterArn))
                .clusterOperationInfoList().get(0).operationArn(), StandardCharsets.UTF_8);
        String configuration = URLEncoder.encode(configurationArn, StandardCharsets.UTF_8);
        var responses = Map.ofEntries(
                Map.entry("DescribeClusterResponse", "/v1/clusters/" + arn),
                Map.entry("DescribeClusterV2Response", "/api/v2/clusters/" + arn),
                Map.entry("ListClustersResponse", "/v1/clusters"),
                Map.entry("ListClustersV2Response", "/api/v2/clusters"),
                Map.entry("ListNodesResponse", "/v1/clusters/" + arn + "/nodes"),
                Map.entry("GetBootstrapBrokersResponse", "/v1/clusters/" + arn + "/bootstrap-brokers"),
                Map.entry("ListClusterOperationsResponse", "/v1/clusters/" + arn + "/operations"),
                Map.entry("ListClusterOperationsV2Response", "/api/v2/clusters/" + arn + "/operations"),
                Map.entry("DescribeClusterOperationResponse", "/v1/operations/" + operationArn),
                Map.entry("DescribeClusterOperationV2Response", "/api/v2/operations/" + operationArn),
                Map.entry("DescribeConfigurationResponse", "/v1/configurations/" + configuration),
                Map.entry("DescribeConfigurationRevisionResponse", "/v1/configurations/" + configuration
                        + "/revisions/1"),
                Map.entry("ListConfigurationRevisionsResponse", "/v1/configurations/" + configuration + "/revisions"),
                Map.entry("ListConfigurationsResponse", "/v1/configurations"),
                Map.entry("ListTopicsResponse", "/v1/clusters/" + arn + "/topics"),
                Map.entry("DescribeTopicResponse", "/v1/clusters/" + arn + "/topics/conformance"),
                Map.entry("DescribeTopicPartitionsResponse", "/v1/clusters/" + arn + "/topics/conformance/partitions"),
                Map.entry("GetClusterPolicyResponse", "/v1/clusters/" + arn + "/policy"));
        conformance.assertConforms(http, responses);
    }

    @Test
    @Order(11)
    void deleteCluster_stopsEveryNodeAndRemovesItsFiles() {
        var clusterDir = streamplane.dataDir().resolve("clusters").resolve(NodeProcesses.clusterUuid(clusterArn));
        assertThat(NodeProcesses.pidsOf(clusterArn)).hasSize(6);
        assertThat(clusterDir.resolve("nodes/1/logs/server.log")).exists();

        assertThatThrownBy(() -> kafka.deleteCluster(r -> r.clusterArn(clusterArn).currentVersion("KSTALE")))
                .isInstanceOfSatisfying(BadRequestException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .contains("The version of the cluster isn't current"));
        String version = kafka.describeClusterV2(r -> r.clusterArn(clusterArn)).clusterInfo().currentVersion();

        var state = kafka.deleteCluster(r -> r.clusterArn(clusterArn).currentVersion(version)).state();
        assertThat(kafka.describeClusterV2(r -> r.clusterArn(clusterArn)).clusterInfo().currentVersion())
                .isNotEqualTo(version);

        assertThat(state).isEqualTo(ClusterState.DELETING);
        Clusters.awaitGone(kafka, clusterArn);
        assertThat(NodeProcesses.pidsOf(clusterArn)).isEmpty();
        assertThat(Files.exists(clusterDir)).isFalse();
        assertThat(kafka.listClustersV2(r -> { }).clusterInfoList()).isEmpty();
        assertThat(kafka.deleteConfiguration(r -> r.arn(configurationArn)).stateAsString()).isEqualTo("DELETING");
    }

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, Clusters.bootstrap(kafka, clusterArn)));
    }
}
