package io.streamplane.it;

import io.streamplane.testkit.Clusters;
import io.streamplane.testkit.LiveCluster;
import io.streamplane.testkit.StreamplaneFixture;
import io.streamplane.testkit.TrafficAuditor;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.kafka.KafkaClient;
import software.amazon.awssdk.services.kafka.model.ClusterOperationV2;
import software.amazon.awssdk.services.kafka.model.ClusterState;

import java.time.Duration;
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
}
