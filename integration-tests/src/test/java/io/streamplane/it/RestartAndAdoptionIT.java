package io.streamplane.it;

import io.streamplane.testkit.Clusters;
import io.streamplane.testkit.NodeProcesses;
import io.streamplane.testkit.RecordAudit;
import io.streamplane.testkit.ServerProcess;
import io.streamplane.testkit.StreamplaneFixture;
import io.streamplane.testkit.TemporaryDirectory;
import io.streamplane.testkit.Topics;
import io.streamplane.testkit.TrafficAuditor;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.kafka.KafkaClient;
import software.amazon.awssdk.services.kafka.model.ClusterState;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The control plane is a separate process from the brokers: killing it leaves the cluster serving
 * and the next server adopts the nodes; stopping it gracefully stops the nodes, and the next start
 * brings them back with their data.
 */
class RestartAndAdoptionIT {
    private static final String TOPIC = "payments";

    @Test
    void brokersOutliveAKilledServer_areAdopted_andComeBackAfterAGracefulStop() throws Exception {
        String nodeNetwork = StreamplaneFixture.randomNodeNetwork();
        String clusterArn = null;
        try (var work = TemporaryDirectory.create("streamplane-restart")) {
            var dataDir = work.path().resolve("data");
            // Kept under target/ so that a failure can be read afterwards.
            var log = java.nio.file.Path.of("target", "restart-test-server.log").toAbsolutePath();
            java.nio.file.Files.deleteIfExists(log);
            try {
                // 1. A cluster with acknowledged records.
                var first = ServerProcess.start(dataDir, nodeNetwork, log);
                clusterArn = createActiveCluster(first);
                String bootstrap = Clusters.bootstrap(client(first), clusterArn);
                Topics.create(bootstrap, TOPIC, 3);
                var audit = new RecordAudit(bootstrap, TOPIC);
                audit.produce(200);
                Set<Long> nodes = NodeProcesses.pidsOf(clusterArn);
                assertThat(nodes).hasSize(6);

                // 2. SIGKILL the server: the brokers keep serving.
                first.kill();
                assertThat(NodeProcesses.pidsOf(clusterArn)).isEqualTo(nodes);
                assertThat(audit.produce(200)).isEqualTo(400);

                // 3. A new server adopts the running nodes instead of starting more.
                var second = ServerProcess.start(dataDir, nodeNetwork, log);
                Clusters.awaitState(client(second), clusterArn, ClusterState.ACTIVE);
                assertThat(NodeProcesses.pidsOf(clusterArn)).isEqualTo(nodes);

                // 4. A graceful stop stops every node.
                second.stop();
                assertThat(NodeProcesses.pidsOf(clusterArn)).isEmpty();

                // 5. The next start brings the cluster back, with its data.
                var third = ServerProcess.start(dataDir, nodeNetwork, log);
                var kafka = client(third);
                Clusters.awaitState(kafka, clusterArn, ClusterState.ACTIVE);
                assertThat(NodeProcesses.pidsOf(clusterArn)).hasSize(6).doesNotContainAnyElementsOf(nodes);
                assertThat(audit.missingAfterReading(Duration.ofSeconds(60))).isEmpty();

                String arn = clusterArn;
                kafka.deleteCluster(r -> r.clusterArn(arn));
                Clusters.awaitGone(kafka, clusterArn);
                assertThat(NodeProcesses.pidsOf(clusterArn)).isEmpty();
                third.stop();
            } finally {
                if (clusterArn != null) {
                    NodeProcesses.killAll(clusterArn);
                }
            }
        }
    }

    @Test
    void aRollingChangeCutShortByAKilledServer_isResumedByTheNextOne_withoutLosingARecord() throws Exception {
        changeSurvivesAKilledServer("resume-test-server.log",
                (kafka, arn, version) -> kafka.updateBrokerType(r -> r.clusterArn(arn).currentVersion(version)
                        .targetInstanceType("kafka.m5.xlarge")).clusterOperationArn(),
                "the first broker to be rolled",
                (kafka, arn, operationArn) -> stepStatus(kafka, operationArn, "RESTART_BROKER_1").equals("COMPLETE"),
                (resumed, arn) -> assertThat(NodeProcesses.pidsOf(arn)).as("one process per node").hasSize(6)
                        .filteredOn(pid -> ProcessHandle.of(pid).flatMap(p -> p.info().commandLine()).orElse("")
                                .contains("-Xmx1024m"))
                        .as("brokers on the heap of kafka.m5.xlarge").hasSize(3));
    }

    @Test
    void aScaleOutCutShortByAKilledServer_isFinishedByTheNextOne_withoutLosingARecord() throws Exception {
        changeSurvivesAKilledServer("scale-resume-test-server.log",
                (kafka, arn, version) -> kafka.updateBrokerCount(r -> r.clusterArn(arn).currentVersion(version)
                        .targetNumberOfBrokerNodes(6)).clusterOperationArn(),
                "the new brokers to start",
                (kafka, arn, operationArn) -> NodeProcesses.pidsOf(arn).size() > 6,
                (resumed, arn) -> {
                    assertThat(resumed.listNodes(r -> r.clusterArn(arn)).nodeInfoList()).hasSize(6);
                    assertThat(NodeProcesses.pidsOf(arn)).as("one process per node").hasSize(9);
                });
    }

    /**
     * Starts a change under live traffic, kills the server with SIGKILL once {@code killPoint} is
     * reached, and starts a new server on the same data: the change must finish, every step
     * complete, and no acknowledged record be lost, duplicated or reordered.
     */
    private void changeSurvivesAKilledServer(String logName, ChangeStart change, String killPointName,
                                             KillPoint killPoint, Verification verification) throws Exception {
        String nodeNetwork = StreamplaneFixture.randomNodeNetwork();
        String clusterArn = null;
        try (var work = TemporaryDirectory.create("streamplane-resume")) {
            var dataDir = work.path().resolve("data");
            var log = java.nio.file.Path.of("target", logName).toAbsolutePath();
            java.nio.file.Files.deleteIfExists(log);
            try {
                var first = ServerProcess.start(dataDir, nodeNetwork, log);
                clusterArn = createActiveCluster(first);
                String arn = clusterArn;
                String bootstrap = Clusters.bootstrap(client(first), clusterArn);
                Topics.create(bootstrap, TOPIC, 3);
                try (var auditor = new TrafficAuditor(bootstrap, TOPIC, 3).start()) {
                    await("traffic to flow").atMost(Duration.ofSeconds(60))
                            .until(() -> auditor.acknowledgedCount() > 100);
                    var kafka = client(first);
                    String version = kafka.describeClusterV2(r -> r.clusterArn(arn)).clusterInfo().currentVersion();
                    String operationArn = change.start(kafka, arn, version);
                    await(killPointName).atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(50))
                            .until(() -> killPoint.reached(kafka, arn, operationArn));
                    first.kill();

                    var second = ServerProcess.start(dataDir, nodeNetwork, log);
                    var resumed = client(second);
                    Clusters.awaitState(resumed, clusterArn, ClusterState.ACTIVE);
                    var operation = resumed.describeClusterOperationV2(r -> r.clusterOperationArn(operationArn))
                            .clusterOperationInfo();
                    assertThat(operation.operationState()).isEqualTo("UPDATE_COMPLETE");
                    assertThat(operation.provisioned().operationSteps())
                            .allSatisfy(s -> assertThat(s.stepInfo().stepStatus()).isEqualTo("COMPLETE"));
                    var report = auditor.stop(Duration.ofSeconds(90));
                    assertThat(report.acknowledged()).isGreaterThan(100);
                    assertThat(report.undisturbed()).as(report.toString()).isTrue();
                    verification.check(resumed, arn);
                    second.stop();
                }
                assertThat(NodeProcesses.pidsOf(clusterArn)).isEmpty();
            } finally {
                if (clusterArn != null) {
                    NodeProcesses.killAll(clusterArn);
                }
            }
        }
    }

    @FunctionalInterface
    private interface ChangeStart {
        /** Starts the change and returns its operation's ARN. */
        String start(KafkaClient kafka, String clusterArn, String currentVersion);
    }

    @FunctionalInterface
    private interface KillPoint {
        boolean reached(KafkaClient kafka, String clusterArn, String operationArn);
    }

    @FunctionalInterface
    private interface Verification {
        void check(KafkaClient resumed, String clusterArn) throws Exception;
    }

    private static String stepStatus(KafkaClient kafka, String operationArn, String step) {
        return kafka.describeClusterOperationV2(r -> r.clusterOperationArn(operationArn)).clusterOperationInfo()
                .provisioned().operationSteps().stream().filter(s -> s.stepName().equals(step))
                .map(s -> s.stepInfo().stepStatus()).findFirst().orElse("");
    }

    private static String createActiveCluster(ServerProcess server) {
        var kafka = client(server);
        String arn = Clusters.createCluster(kafka, "durable", 3, List.of("subnet-1", "subnet-2", "subnet-3"));
        Clusters.awaitState(kafka, arn, ClusterState.ACTIVE);
        return arn;
    }

    private static KafkaClient client(ServerProcess server) {
        return StreamplaneFixture.kafkaClient(server.endpoint(), StreamplaneFixture.ACCESS_KEY_ID,
                StreamplaneFixture.SECRET_ACCESS_KEY);
    }
}
