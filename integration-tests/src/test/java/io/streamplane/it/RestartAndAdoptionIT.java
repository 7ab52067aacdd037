package io.streamplane.it;

import io.streamplane.testkit.Clusters;
import io.streamplane.testkit.DurableServer;
import io.streamplane.testkit.NodeProcesses;
import io.streamplane.testkit.RecordAudit;
import io.streamplane.testkit.Topics;
import io.streamplane.testkit.TrafficAuditor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.services.kafka.KafkaClient;
import software.amazon.awssdk.services.kafka.model.ClusterState;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The control plane is a separate process from the brokers: killing it leaves the cluster serving
 * and the next server adopts the nodes, and finishes a change the killed one had begun; stopping it
 * gracefully stops the nodes, and the next start brings them back with their data.
 *
 * <p>One cluster lives through every test, in order, each handing the next a new server process on
 * the same data directory: records written before the first are read back after the graceful stop,
 * which comes before the scale-out so that it stops and starts six nodes rather than nine.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RestartAndAdoptionIT {
    private static final String TOPIC = "payments";
    private DurableServer server;
    private String clusterArn;
    private String bootstrap;
    private RecordAudit audit;

    @BeforeAll
    void startAServerWithACluster() throws Exception {
        server = DurableServer.start("restart", Path.of("target", "restart-test-server.log").toAbsolutePath());
        var kafka = client();
        clusterArn = Clusters.createCluster(kafka, "durable", 3, List.of("subnet-1", "subnet-2", "subnet-3"));
        server.owns(clusterArn);
        Clusters.awaitState(kafka, clusterArn, ClusterState.ACTIVE);
        bootstrap = Clusters.bootstrap(kafka, clusterArn);
        Topics.create(bootstrap, TOPIC, 3);
        audit = new RecordAudit(bootstrap, TOPIC);
        audit.produce(200);
    }

    @AfterAll
    void deleteTheCluster() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    @Order(1)
    void brokersOutliveAKilledServer_andTheNextServerAdoptsThem() throws Exception {
        Set<Long> nodes = NodeProcesses.pidsOf(clusterArn);
        assertThat(nodes).hasSize(6);

        server.kill();
        assertThat(NodeProcesses.pidsOf(clusterArn)).isEqualTo(nodes);
        assertThat(audit.produce(200)).as("acknowledged with no server running").isEqualTo(400);

        server.startAgain();
        Clusters.awaitState(client(), clusterArn, ClusterState.ACTIVE);
        assertThat(NodeProcesses.pidsOf(clusterArn)).as("the same nodes, none started again").isEqualTo(nodes);
    }

    @Test
    @Order(2)
    void aRollingChangeCutShortByAKilledServer_isResumedByTheNextOne_withoutLosingARecord() throws Exception {
        changeSurvivesAKilledServer(
                (kafka, version) -> kafka.updateBrokerType(r -> r.clusterArn(clusterArn).currentVersion(version)
                        .targetInstanceType("kafka.m5.xlarge")).clusterOperationArn(),
                "the first broker to be rolled",
                (kafka, operationArn) -> stepStatus(kafka, operationArn, "RESTART_BROKER_1").equals("COMPLETE"));
        assertThat(NodeProcesses.pidsOf(clusterArn)).as("one process per node").hasSize(6)
                .filteredOn(pid -> ProcessHandle.of(pid).flatMap(p -> p.info().commandLine()).orElse("")
                        .contains("-Xmx1024m"))
                .as("brokers on the heap of kafka.m5.xlarge").hasSize(3);
    }

    @Test
    @Order(3)
    void aGracefulStop_stopsEveryNode_andTheNextStartBringsThemBackWithTheirData() throws Exception {
        Set<Long> nodes = NodeProcesses.pidsOf(clusterArn);
        server.stop();
        assertThat(NodeProcesses.pidsOf(clusterArn)).isEmpty();

        server.startAgain();
        Clusters.awaitState(client(), clusterArn, ClusterState.ACTIVE);
        assertThat(NodeProcesses.pidsOf(clusterArn)).hasSameSizeAs(nodes).doesNotContainAnyElementsOf(nodes);
        assertThat(audit.missingAfterReading(Duration.ofSeconds(60))).as("records acknowledged before").isEmpty();
    }

    @Test
    @Order(4)
    void aScaleOutCutShortByAKilledServer_isFinishedByTheNextOne_withoutLosingARecord() throws Exception {
        changeSurvivesAKilledServer(
                (kafka, version) -> kafka.updateBrokerCount(r -> r.clusterArn(clusterArn).currentVersion(version)
                        .targetNumberOfBrokerNodes(6)).clusterOperationArn(),
                "the new brokers to start",
                (kafka, operationArn) -> NodeProcesses.pidsOf(clusterArn).size() > 6);
        assertThat(client().listNodes(r -> r.clusterArn(clusterArn)).nodeInfoList()).hasSize(6);
        assertThat(NodeProcesses.pidsOf(clusterArn)).as("one process per node").hasSize(9);
    }

    /**
     * Starts a change under live traffic, kills the server with SIGKILL once {@code killPoint} is
     * reached, and starts a new server on the same data: the change must finish, every step
     * complete, and no acknowledged record be lost, duplicated or reordered.
     */
    private void changeSurvivesAKilledServer(ChangeStart change, String killPointName, KillPoint killPoint)
            throws Exception {
        try (var auditor = new TrafficAuditor(bootstrap, TOPIC, 3)
                .paced(TrafficAuditor.TEST_RECORDS_PER_SECOND).start()) {
            await("traffic to flow").atMost(Duration.ofSeconds(60)).until(() -> auditor.acknowledgedCount() > 100);
            var kafka = client();
            String version = kafka.describeClusterV2(r -> r.clusterArn(clusterArn)).clusterInfo().currentVersion();
            String operationArn = change.start(kafka, version);
            await(killPointName).atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(50))
                    .until(() -> killPoint.reached(kafka, operationArn));
            server.kill();

            server.startAgain();
            var resumed = client();
            Clusters.awaitState(resumed, clusterArn, ClusterState.ACTIVE);
            var operation = resumed.describeClusterOperationV2(r -> r.clusterOperationArn(operationArn))
                    .clusterOperationInfo();
            assertThat(operation.operationState()).isEqualTo("UPDATE_COMPLETE");
            assertThat(operation.provisioned().operationSteps())
                    .allSatisfy(s -> assertThat(s.stepInfo().stepStatus()).isEqualTo("COMPLETE"));
            var report = auditor.stop(Duration.ofSeconds(90));
            assertThat(report.acknowledged()).isGreaterThan(100);
            assertThat(report.undisturbed()).as(report.toString()).isTrue();
        }
    }

    @FunctionalInterface
    private interface ChangeStart {
        /** Starts the change and returns its operation's ARN. */
        String start(KafkaClient kafka, String currentVersion);
    }

    @FunctionalInterface
    private interface KillPoint {
        boolean reached(KafkaClient kafka, String operationArn);
    }

    private static String stepStatus(KafkaClient kafka, String operationArn, String step) {
        return kafka.describeClusterOperationV2(r -> r.clusterOperationArn(operationArn)).clusterOperationInfo()
                .provisioned().operationSteps().stream().filter(s -> s.stepName().equals(step))
                .map(s -> s.stepInfo().stepStatus()).findFirst().orElse("");
    }

    private KafkaClient client() {
        return server.kafka();
    }
}
