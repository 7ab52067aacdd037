package io.streamplane.it;

import io.streamplane.testkit.Clusters;
import io.streamplane.testkit.NodeProcesses;
import io.streamplane.testkit.TrafficAuditor;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.services.kafka.model.ClusterOperationV2Summary;
import software.amazon.awssdk.services.kafka.model.ClusterState;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Faults injected under live acks=all traffic: brokers and controllers killed with SIGKILL, a whole
 * availability zone lost at once, a broker's data wiped. Each time the health monitor restores the
 * nodes (HEALING, then ACTIVE, with a HEAL_CLUSTER operation in the history) and no acknowledged
 * record is lost, duplicated or reordered.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SelfHealingIT extends LiveClusterIT {
    SelfHealingIT() {
        super("healing", Clusters.KAFKA_VERSION);
    }

    @Test
    @Order(1)
    void aKilledBroker_isRestartedWithItsData() throws Exception {
        int broker = 1 + ThreadLocalRandom.current().nextInt(3);
        survive(List.of(broker), () -> NodeProcesses.kill(clusterArn, broker));
    }

    @Test
    @Order(2)
    void losingAWholeZone_brokerAndControllerAtOnce_isSurvived() throws Exception {
        // Zone 2 holds broker 2 and controller 3002.
        survive(List.of(3002, 2), () -> NodeProcesses.kill(clusterArn, 2, 3002));
    }

    @Test
    @Order(3)
    void aKilledActiveController_isReplacedByAnElection_andRestarted() throws Exception {
        int active;
        try (var admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            active = admin.describeMetadataQuorum().quorumInfo().get(10, TimeUnit.SECONDS).leaderId();
        }
        assertThat(active).isBetween(3001, 3003);
        survive(List.of(active), () -> NodeProcesses.kill(clusterArn, active));
        try (var admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            assertThat(admin.describeMetadataQuorum().quorumInfo().get(10, TimeUnit.SECONDS).leaderId())
                    .isBetween(3001, 3003);
        }
    }

    @Test
    @Order(4)
    void aBrokerWhoseDataIsLost_isRebuiltEmpty_andFilledAgainFromItsPeers() throws Exception {
        Path data = streamplane.dataDir().resolve("clusters").resolve(NodeProcesses.clusterUuid(clusterArn))
                .resolve("nodes").resolve("3").resolve("data");
        survive(List.of(3), () -> {
            NodeProcesses.kill(clusterArn, 3);
            deleteTree(data);
        });
        try (Stream<Path> partitions = Files.list(data)) {
            assertThat(partitions.map(p -> p.getFileName().toString()))
                    .as("the rebuilt broker holds its replicas again").contains(TOPIC + "-0", TOPIC + "-5");
        }
    }

    /** Runs the fault under traffic, then checks the healing operation, the nodes and the records. */
    private void survive(List<Integer> nodes, Fault fault) throws Exception {
        var pidsBefore = nodes.stream().map(id -> NodeProcesses.of(clusterArn, id).orElseThrow().pid()).toList();
        try (var auditor = new TrafficAuditor(bootstrap, TOPIC, PARTITIONS)
                .paced(TrafficAuditor.TEST_RECORDS_PER_SECOND).start()) {
            await("traffic to flow").atMost(Duration.ofSeconds(60)).until(() -> auditor.acknowledgedCount() > 100);
            fault.inject();
            await("the cluster to notice").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                    .until(() -> state() == ClusterState.HEALING);
            Clusters.awaitState(kafka, clusterArn, ClusterState.ACTIVE);
            long acknowledgedAtHeal = auditor.acknowledgedCount();
            await("traffic to go on").atMost(Duration.ofSeconds(60))
                    .until(() -> auditor.acknowledgedCount() > acknowledgedAtHeal + 100);
            var report = auditor.stop(Duration.ofSeconds(90));
            assertThat(report.undisturbed()).as(report.toString()).isTrue();
        }
        for (int i = 0; i < nodes.size(); i++) {
            assertThat(NodeProcesses.of(clusterArn, nodes.get(i))).as("node " + nodes.get(i) + " runs again")
                    .hasValueSatisfying(p -> assertThat(p.isAlive()).isTrue())
                    .map(ProcessHandle::pid).isNotEqualTo(pidsBefore.get(i));
        }
        assertThat(NodeProcesses.pidsOf(clusterArn)).hasSize(6);
        var healing = kafka.listClusterOperationsV2(r -> r.clusterArn(clusterArn)).clusterOperationInfoList().stream()
                .filter(o -> o.operationType().equals("HEAL_CLUSTER"))
                .max(Comparator.comparing(ClusterOperationV2Summary::startTime)).orElseThrow();
        assertThat(healing.operationState()).isEqualTo("UPDATE_COMPLETE");
        var steps = kafka.describeClusterOperationV2(r -> r.clusterOperationArn(healing.operationArn()))
                .clusterOperationInfo().provisioned().operationSteps().stream().map(s -> s.stepName()).toList();
        var expected = new java.util.ArrayList<String>();
        nodes.forEach(id -> expected.add("RESTORE_NODE_" + id));
        expected.add("AWAIT_IN_SYNC");
        assertThat(steps).containsExactlyElementsOf(expected);
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @FunctionalInterface
    private interface Fault {
        void inject() throws Exception;
    }
}
