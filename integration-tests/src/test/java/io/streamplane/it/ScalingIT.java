package io.streamplane.it;

import io.streamplane.testkit.Clusters;
import io.streamplane.testkit.NodeProcesses;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Node;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.services.kafka.model.BadRequestException;
import software.amazon.awssdk.services.kafka.model.ClusterState;

import java.io.RandomAccessFile;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * UpdateBrokerCount under live acks=all traffic: out from 3 to 6 brokers, with the replicas and
 * leaderships rebalanced onto the new ones across zones, then back in to 3, with every replica
 * moved off the brokers that go; no acknowledged record lost either way. Then storage: volume use
 * reported against the volume size, and volumes grown with UpdateBrokerStorage.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScalingIT extends LiveClusterIT {
    ScalingIT() {
        super("scaling", Clusters.KAFKA_VERSION);
    }

    @Test
    @Order(1)
    void badCounts_areRefusedAndChangeNothing() {
        String version = currentVersion();
        assertBadCount(version, 4, "multiple of 3");
        assertBadCount(version, 3, "already has 3 brokers");
        assertThatThrownBy(() -> kafka.updateBrokerCount(r -> r.clusterArn(clusterArn).currentVersion("KSTALE")
                .targetNumberOfBrokerNodes(6))).isInstanceOf(BadRequestException.class)
                .hasMessageContaining("isn't current");
        assertThat(currentVersion()).isEqualTo(version);
        assertThat(state()).isEqualTo(ClusterState.ACTIVE);
    }

    @Test
    @Order(2)
    void scalingOut_addsBrokersEvenlyAcrossZones_andMovesAShareOfReplicasAndLeadersOntoThem() throws Exception {
        String operationArn = resizeUnderTraffic(6);

        assertThat(kafka.describeClusterOperationV2(r -> r.clusterOperationArn(operationArn)).clusterOperationInfo()
                .provisioned().operationSteps()).extracting(s -> s.stepName())
                .containsExactly("ADD_BROKERS", "REBALANCE_PARTITIONS");
        var nodes = kafka.listNodes(r -> r.clusterArn(clusterArn)).nodeInfoList();
        assertThat(nodes).hasSize(6);
        assertThat(nodes.stream().collect(Collectors.groupingBy(n -> n.brokerNodeInfo().clientSubnet(),
                Collectors.counting())).values()).containsOnly(2L);
        assertThat(NodeProcesses.pidsOf(clusterArn)).hasSize(9);

        var partitions = describe(TOPIC).partitions();
        var replicasPerBroker = partitions.stream().flatMap(p -> p.replicas().stream())
                .collect(Collectors.groupingBy(Node::id, Collectors.counting()));
        assertThat(replicasPerBroker).as("18 replicas over 6 brokers").hasSize(6).containsOnlyKeys(1, 2, 3, 4, 5, 6)
                .allSatisfy((broker, count) -> assertThat(count).isEqualTo(3L));
        var leadersPerBroker = partitions.stream().collect(Collectors.groupingBy(p -> p.leader().id(),
                Collectors.counting()));
        assertThat(leadersPerBroker).as("one leader per broker").hasSize(6);
        assertThat(partitions).allSatisfy(p -> assertThat(p.replicas().stream().map(Node::rack).distinct().count())
                .as("replicas of partition %d in three zones", p.partition()).isEqualTo(3));
    }

    /**
     * The server reads the topics' replication factors in the background: a request it can check
     * against them is refused at once; one that comes before it has seen the new topic is accepted
     * and its operation fails at its first step, before a replica moves. Either way the brokers stay.
     */
    @Test
    @Order(3)
    void scalingIn_isRefusedWhileATopicNeedsMoreBrokers() throws Exception {
        try (var admin = admin()) {
            admin.createTopics(List.of(new NewTopic("wide", Optional.of(1), Optional.of((short) 4))))
                    .all().get(30, TimeUnit.SECONDS);
            await("the scale-in to be refused at once").atMost(Duration.ofSeconds(90)).until(() -> {
                String version = currentVersion();
                String operationArn;
                try {
                    operationArn = kafka.updateBrokerCount(r -> r.clusterArn(clusterArn).currentVersion(version)
                            .targetNumberOfBrokerNodes(3)).clusterOperationArn();
                } catch (BadRequestException refused) {
                    assertThat(refused.invalidParameter()).isEqualTo("targetNumberOfBrokerNodes");
                    assertThat(refused).hasMessageContaining("replication factor of 4");
                    return true;
                }
                Clusters.awaitState(kafka, clusterArn, ClusterState.ACTIVE);
                var operation = kafka.describeClusterOperationV2(r -> r.clusterOperationArn(operationArn))
                        .clusterOperationInfo();
                assertThat(operation.operationState()).isEqualTo("UPDATE_FAILED");
                assertThat(operation.errorInfo().errorString()).contains("replication factor of 4");
                assertThat(operation.provisioned().operationSteps().get(0).stepInfo().stepStatus())
                        .isEqualTo("FAILED");
                return false;
            });
            assertThat(kafka.describeClusterV2(r -> r.clusterArn(clusterArn)).clusterInfo().provisioned()
                    .numberOfBrokerNodes()).isEqualTo(6);
            assertThat(admin.describeCluster().nodes().get(10, TimeUnit.SECONDS)).hasSize(6);
            admin.deleteTopics(List.of("wide")).all().get(30, TimeUnit.SECONDS);
            await("topic wide to be gone").atMost(Duration.ofSeconds(30)).ignoreExceptions()
                    .until(() -> !admin.listTopics().names().get(10, TimeUnit.SECONDS).contains("wide"));
        }
    }

    @Test
    @Order(4)
    void scalingIn_movesEveryReplicaOffTheLeavingBrokers_thenRemovesThem() throws Exception {
        String operationArn = resizeUnderTraffic(3);

        assertThat(kafka.describeClusterOperationV2(r -> r.clusterOperationArn(operationArn)).clusterOperationInfo()
                .provisioned().operationSteps()).extracting(s -> s.stepName()).containsExactly(
                "REBALANCE_PARTITIONS", "REMOVE_BROKER_6", "REMOVE_BROKER_5", "REMOVE_BROKER_4",
                "WRITE_NODE_CONFIGURATION");
        assertThat(kafka.listNodes(r -> r.clusterArn(clusterArn)).nodeInfoList()).hasSize(3);
        assertThat(NodeProcesses.pidsOf(clusterArn)).hasSize(6);
        assertThat(describe(TOPIC).partitions()).allSatisfy(p -> assertThat(p.replicas()).extracting(Node::id)
                .containsExactlyInAnyOrder(1, 2, 3));
        try (var admin = admin()) {
            assertThat(admin.describeCluster().nodes().get(10, TimeUnit.SECONDS)).extracting(Node::id)
                    .containsExactlyInAnyOrder(1, 2, 3);
        }
    }

    @Test
    @Order(5)
    void badStorageUpdates_areRefusedAndChangeNothing() {
        String version = currentVersion();
        assertThatThrownBy(() -> growVolumes(version, 50)).isInstanceOfSatisfying(BadRequestException.class,
                e -> assertThat(e.invalidParameter()).isEqualTo("targetBrokerEBSVolumeInfo.volumeSizeGB"))
                .hasMessageContaining("can only grow");
        assertThatThrownBy(() -> growVolumes(version, 100)).isInstanceOf(BadRequestException.class)
                .hasMessageContaining("can only grow");
        assertThatThrownBy(() -> kafka.updateBrokerStorage(r -> r.clusterArn(clusterArn).currentVersion(version)
                .targetBrokerEBSVolumeInfo(v -> v.kafkaBrokerNodeId("1").volumeSizeGB(200))))
                .isInstanceOfSatisfying(BadRequestException.class,
                        e -> assertThat(e.invalidParameter()).isEqualTo("targetBrokerEBSVolumeInfo"));
        assertThatThrownBy(() -> kafka.updateStorage(r -> r.clusterArn(clusterArn).currentVersion(version)
                .storageMode("TIERED"))).isInstanceOfSatisfying(BadRequestException.class,
                        e -> assertThat(e.invalidParameter()).isEqualTo("storageMode"));
        assertThat(currentVersion()).isEqualTo(version);
        assertThat(kafka.describeClusterV2(r -> r.clusterArn(clusterArn)).clusterInfo().provisioned()
                .brokerNodeGroupInfo().storageInfo().ebsStorageInfo().volumeSize()).isEqualTo(100);
    }

    @Test
    @Order(6)
    void aNearlyFullBroker_showsInDescribeAndMetrics_untilItsVolumeGrows() throws Exception {
        // Stands in for 90 GiB of data without writing it: a sparse file in broker 2's log directory
        // (Kafka reads only the partition directories there), measured like any other data.
        Path filler = streamplane.dataDir().resolve("clusters").resolve(NodeProcesses.clusterUuid(clusterArn))
                .resolve("nodes").resolve("2").resolve("data").resolve("filler.bin");
        try (var file = new RandomAccessFile(filler.toFile(), "rw")) {
            file.setLength(90L * 1024 * 1024 * 1024);
        }
        try {
            await("the warning to show").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                    .until(() -> kafka.describeClusterV2(r -> r.clusterArn(clusterArn)).clusterInfo().stateInfo() != null);
            var info = kafka.describeClusterV2(r -> r.clusterArn(clusterArn)).clusterInfo();
            assertThat(info.state()).isEqualTo(ClusterState.ACTIVE);
            assertThat(info.stateInfo().code()).isEqualTo("STORAGE_NEARLY_FULL");
            assertThat(info.stateInfo().message()).contains("Broker 2 uses 90% of its 100 GiB volume");
            assertThat(metrics()).contains("streamplane_broker_storage_nearly_full{cluster=\"scaling\",broker=\"2\"} 1")
                    .contains("streamplane_broker_storage_nearly_full{cluster=\"scaling\",broker=\"1\"} 0");

            String operationArn = growVolumes(currentVersion(), 200);
            Clusters.awaitState(kafka, clusterArn, ClusterState.ACTIVE);

            assertThat(kafka.describeClusterOperationV2(r -> r.clusterOperationArn(operationArn))
                    .clusterOperationInfo().operationType()).isEqualTo("UPDATE_BROKER_STORAGE");
            var grown = kafka.describeClusterV2(r -> r.clusterArn(clusterArn)).clusterInfo();
            assertThat(grown.provisioned().brokerNodeGroupInfo().storageInfo().ebsStorageInfo().volumeSize())
                    .isEqualTo(200);
            assertThat(grown.stateInfo()).as("45% of 200 GiB is not nearly full").isNull();
            assertThat(metrics()).contains("streamplane_broker_storage_nearly_full{cluster=\"scaling\",broker=\"2\"} 0");
        } finally {
            Files.deleteIfExists(filler);
        }
    }

    @Test
    @Order(7)
    void intelligentRebalancing_whileActive_spreadsASkewedTopicOverEveryBroker() throws Exception {
        String operationArn = kafka.updateRebalancing(r -> r.clusterArn(clusterArn).currentVersion(currentVersion())
                .rebalancing(b -> b.status("ACTIVE"))).clusterOperationArn();
        Clusters.awaitState(kafka, clusterArn, ClusterState.ACTIVE);
        assertThat(kafka.describeClusterOperationV2(r -> r.clusterOperationArn(operationArn)).clusterOperationInfo()
                .operationType()).isEqualTo("UPDATE_REBALANCING");
        assertThat(kafka.describeClusterV2(r -> r.clusterArn(clusterArn)).clusterInfo().provisioned().rebalancing()
                .statusAsString()).isEqualTo("ACTIVE");

        try (var admin = admin()) {
            // Every replica on brokers 1 and 2: broker 3 holds none of this topic.
            var skewed = new java.util.HashMap<Integer, List<Integer>>();
            for (int p = 0; p < 6; p++) {
                skewed.put(p, p % 2 == 0 ? List.of(1, 2) : List.of(2, 1));
            }
            admin.createTopics(List.of(new NewTopic("skewed", skewed))).all().get(30, TimeUnit.SECONDS);
        }
        await("the rebalancing to give broker 3 its share").atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofSeconds(1)).ignoreExceptions().until(() -> {
                    var perBroker = describe("skewed").partitions().stream().flatMap(p -> p.replicas().stream())
                            .collect(Collectors.groupingBy(Node::id, Collectors.counting()));
                    return perBroker.getOrDefault(3, 0L) >= 3 && state() == ClusterState.ACTIVE;
                });
        assertThat(kafka.listClusterOperationsV2(r -> r.clusterArn(clusterArn)).clusterOperationInfoList())
                .anySatisfy(o -> {
                    assertThat(o.operationType()).isEqualTo("REBALANCE_PARTITIONS");
                    assertThat(o.operationState()).isEqualTo("UPDATE_COMPLETE");
                });

        kafka.updateRebalancing(r -> r.clusterArn(clusterArn).currentVersion(currentVersion())
                .rebalancing(b -> b.status("PAUSED")));
        Clusters.awaitState(kafka, clusterArn, ClusterState.ACTIVE);
        assertThatThrownBy(() -> kafka.updateRebalancing(r -> r.clusterArn(clusterArn)
                .currentVersion(currentVersion()).rebalancing(b -> b.status("PAUSED"))))
                .isInstanceOf(BadRequestException.class).hasMessageContaining("already PAUSED");
    }

    private String growVolumes(String version, int gib) {
        return kafka.updateBrokerStorage(r -> r.clusterArn(clusterArn).currentVersion(version)
                .targetBrokerEBSVolumeInfo(v -> v.kafkaBrokerNodeId("ALL").volumeSizeGB(gib))).clusterOperationArn();
    }

    private String metrics() throws Exception {
        var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(streamplane.metricsEndpoint())
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private String resizeUnderTraffic(int brokers) throws Exception {
        String version = currentVersion();
        var operation = changeUnderTraffic(() -> {
            // A topic deleted just before is refused on until the server's reading of the topics has
            // seen it gone; the request is refused then and changes nothing, so asking again is safe.
            var arn = new AtomicReference<String>();
            await("the server to see that the brokers can hold every topic").atMost(Duration.ofSeconds(60))
                    .ignoreExceptionsMatching(e -> e instanceof BadRequestException
                            && String.valueOf(e.getMessage()).contains("replication factor"))
                    .until(() -> {
                        arn.set(kafka.updateBrokerCount(r -> r.clusterArn(clusterArn).currentVersion(version)
                                .targetNumberOfBrokerNodes(brokers)).clusterOperationArn());
                        return true;
                    });
            return arn.get();
        });
        assertThat(operation.operationType()).isEqualTo("UPDATE_BROKER_COUNT");
        assertThat(kafka.describeClusterV2(r -> r.clusterArn(clusterArn)).clusterInfo().provisioned()
                .numberOfBrokerNodes()).isEqualTo(brokers);
        return operation.operationArn();
    }

    private void assertBadCount(String version, int brokers, String message) {
        assertThatThrownBy(() -> kafka.updateBrokerCount(r -> r.clusterArn(clusterArn).currentVersion(version)
                .targetNumberOfBrokerNodes(brokers)))
                .isInstanceOfSatisfying(BadRequestException.class,
                        e -> assertThat(e.invalidParameter()).isEqualTo("targetNumberOfBrokerNodes"))
                .hasMessageContaining(message);
    }

    private TopicDescription describe(String topic) throws Exception {
        try (var admin = admin()) {
            return admin.describeTopics(List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS).get(topic);
        }
    }
}
