package io.streamplane.it;

import io.streamplane.testkit.LiveCluster;
import io.streamplane.testkit.StreamplaneFixture;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.kafka.KafkaClient;
import software.amazon.awssdk.services.kafka.model.ClusterState;

import java.util.Map;

/**
 * What the tests of a running cluster share: one server and one ACTIVE 3-broker, 3-zone cluster
 * with the topic {@value #TOPIC} for the whole class, and the calls they all make on it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class LiveClusterTest {
    static final String TOPIC = "ledger";
    static final int PARTITIONS = 6;
    private final String clusterName;
    private final String kafkaVersion;
    private LiveCluster cluster;
    StreamplaneFixture streamplane;
    KafkaClient kafka;
    String clusterArn;
    String bootstrap;

    LiveClusterTest(String clusterName, String kafkaVersion) {
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
