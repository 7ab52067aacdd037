package io.streamplane.it;

import io.streamplane.testkit.Clusters;
import io.streamplane.testkit.LiveCluster;
import io.streamplane.testkit.NodeProcesses;
import io.streamplane.testkit.StreamplaneFixture;
import io.streamplane.testkit.TrafficAuditor;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.kafka.KafkaClient;
import software.amazon.awssdk.services.kafka.model.ClusterOperationV2;
import software.amazon.awssdk.services.kafka.model.ClusterOperationV2Summary;
import software.amazon.awssdk.services.kafka.model.ClusterState;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the tests of a running cluster share: one server and one ACTIVE 3-broker, 3-zone cluster
 * with the topic {@value #TOPIC} for the whole class, and the calls they all make on it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class LiveClusterIT {
    static final String TOPIC = "ledger";
    static final int PARTITIONS = 6;
    private final String clusterName;
    private final String kafkaVersion;
    private LiveCluster cluster;
    StreamplaneFixture streamplane;
    KafkaClient kafka;
    String clusterArn;
    String bootstrap;

    LiveClusterIT(String clusterName, String kafkaVersion) {
        this.clusterName = clusterName;
        this.kafkaVersion = kafkaVersion;
    }

    @BeforeAll
    void createClusterWithATopic() throws Exception {
        cluster = LiveCluster.start(clusterName, kafkaVersion, TOPIC, PARTITIONS);
        streamplane = cluster.streamplane();
        kafka = cluster.kafka();
        clusterArn = cluster.arn();
        bootstrap = cluster.bootstrap();
    }

    @AfterAll
    void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    /**
     * Starts a change under live idempotent acks=all traffic and waits until the cluster is ACTIVE
     * again. Checks that it was UPDATING meanwhile, that no send failed and every acknowledged record
     * arrived once and in order, and that the operation completed; returns the operation.
     *
     * @param startChange sends the change and returns its operation's ARN
     */
    ClusterOperationV2 changeUnderTraffic(Supplier<String> startChange) throws Exception {
        try (var auditor = new TrafficAuditor(bootstrap, TOPIC, PARTITIONS)
                .paced(TrafficAuditor.TEST_RECORDS_PER_SECOND).start()) {
            await("traffic to flow").atMost(Duration.ofSeconds(60)).until(() -> auditor.acknowledgedCount() > 100);
            String operationArn = startChange.get();
            assertThat(state()).isEqualTo(ClusterState.UPDATING);
            Clusters.awaitState(kafka, clusterArn, ClusterState.ACTIVE);
            var report = auditor.stop(Duration.ofSeconds(90));
            assertThat(report.acknowledged()).isGreaterThan(100);
            assertThat(report.undisturbed()).as(report.toString()).isTrue();
            var operation = kafka.describeClusterOperationV2(r -> r.clusterOperationArn(operationArn))
                    .clusterOperationInfo();
            assertThat(operation.operationState()).isEqualTo("UPDATE_COMPLETE");
            return operation;
        }
    }

    String currentVersion() {
        return kafka.describeClusterV2(r -> r.clusterArn(clusterArn)).clusterInfo().currentVersion();
    }

    ClusterState state() {
        return kafka.describeClusterV2(r -> r.clusterArn(clusterArn)).clusterInfo().state();
    }

    Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
    }

    /**
     * Injects the fault under live acks=all traffic, then checks that the health monitor healed the
     * cluster (HEALING, then ACTIVE, a HEAL_CLUSTER operation restoring exactly {@code nodes}), that
     * each node runs again as a new process, and that no record was lost, duplicated or reordered.
     */
    void healUnderTraffic(List<Integer> nodes, Fault fault) throws Exception {
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
        var expected = new ArrayList<String>();
        nodes.forEach(id -> expected.add("RESTORE_NODE_" + id));
        expected.add("AWAIT_IN_SYNC");
        assertThat(steps).containsExactlyElementsOf(expected);
    }

    @FunctionalInterface
    interface Fault {
        void inject() throws Exception;
    }
}
