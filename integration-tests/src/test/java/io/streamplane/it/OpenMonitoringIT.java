package io.streamplane.it;

import io.streamplane.testkit.Clusters;
import io.streamplane.testkit.NodeProcesses;
import io.streamplane.testkit.StreamplaneFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.services.kafka.KafkaClient;
import software.amazon.awssdk.services.kafka.model.BadRequestException;
import software.amazon.awssdk.services.kafka.model.ClusterState;
import software.amazon.awssdk.services.kafka.model.EnhancedMonitoring;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Open monitoring as a Prometheus server sees it: each broker's JMX exporter on port 11001 and node
 * exporter on 11002, turned on at creation and off again with UpdateMonitoring, which restarts the
 * brokers one at a time; the enhanced monitoring level changes without a restart.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OpenMonitoringIT {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private StreamplaneFixture streamplane;
    private KafkaClient kafka;
    private String clusterArn;
    private List<String> brokerHosts;

    @BeforeAll
    void createClusterWithBothExporters() {
        streamplane = StreamplaneFixture.start();
        kafka = streamplane.kafkaClient();
        clusterArn = kafka.createClusterV2(r -> r.clusterName("monitored").provisioned(p -> p
                .kafkaVersion(Clusters.KAFKA_VERSION).numberOfBrokerNodes(2).encryptionInfo(Clusters.PLAINTEXT)
                .brokerNodeGroupInfo(b -> b.instanceType("kafka.m5.large").clientSubnets("subnet-1", "subnet-2"))
                .openMonitoring(o -> o.prometheus(p2 -> p2.jmxExporter(j -> j.enabledInBroker(true))
                        .nodeExporter(n -> n.enabledInBroker(true)))))).clusterArn();
        Clusters.awaitState(kafka, clusterArn, ClusterState.ACTIVE);
        brokerHosts = Arrays.stream(Clusters.bootstrap(kafka, clusterArn).split(","))
                .map(endpoint -> endpoint.substring(0, endpoint.lastIndexOf(':'))).toList();
    }

    @AfterAll
    void stop() {
        StreamplaneFixture.stop(streamplane, clusterArn);
    }

    @Test
    @Order(1)
    void everyBrokerServesKafkaAndHostMetrics_andDescribeSaysSo() throws Exception {
        assertThat(brokerHosts).hasSize(2);
        for (String host : brokerHosts) {
            assertThat(scrape(host, 11001)).contains("kafka_server_BrokerTopicMetrics_Count{name=\"MessagesInPerSec\"")
                    .contains("kafka_server_ReplicaManager_Value{name=\"UnderReplicatedPartitions\"");
            assertThat(scrape(host, 11002)).contains("node_cpu_seconds_total{cpu=\"0\",mode=\"idle\"}",
                    "node_filesystem_avail_bytes{", "node_memory_MemAvailable_bytes ");
        }
        var prometheus = kafka.describeClusterV2(r -> r.clusterArn(clusterArn)).clusterInfo().provisioned()
                .openMonitoring().prometheus();
        assertThat(prometheus.jmxExporter().enabledInBroker()).isTrue();
        assertThat(prometheus.nodeExporter().enabledInBroker()).isTrue();
    }

    @Test
    @Order(2)
    void theEnhancedMonitoringLevel_changesWithoutARestart() {
        var pids = NodeProcesses.pidsOf(clusterArn);
        String operationArn = kafka.updateMonitoring(r -> r.clusterArn(clusterArn).currentVersion(currentVersion())
                .enhancedMonitoring(EnhancedMonitoring.PER_TOPIC_PER_BROKER)).clusterOperationArn();
        Clusters.awaitState(kafka, clusterArn, ClusterState.ACTIVE);

        assertThat(kafka.describeClusterV2(r -> r.clusterArn(clusterArn)).clusterInfo().provisioned()
                .enhancedMonitoring()).isEqualTo(EnhancedMonitoring.PER_TOPIC_PER_BROKER);
        var operation = kafka.describeClusterOperationV2(r -> r.clusterOperationArn(operationArn))
                .clusterOperationInfo();
        assertThat(operation.operationType()).isEqualTo("UPDATE_MONITORING");
        assertThat(operation.provisioned().operationSteps()).extracting(s -> s.stepName())
                .containsExactly("WRITE_NODE_CONFIGURATION");
        assertThat(NodeProcesses.pidsOf(clusterArn)).isEqualTo(pids);
    }

    @Test
    @Order(3)
    void turningTheExportersOff_restartsEachBrokerWithoutThem() throws Exception {
        String operationArn = kafka.updateMonitoring(r -> r.clusterArn(clusterArn).currentVersion(currentVersion())
                .openMonitoring(o -> o.prometheus(p -> p.jmxExporter(j -> j.enabledInBroker(false))
                        .nodeExporter(n -> n.enabledInBroker(false))))).clusterOperationArn();
        assertThat(kafka.describeClusterV2(r -> r.clusterArn(clusterArn)).clusterInfo().state())
                .isEqualTo(ClusterState.UPDATING);
        Clusters.awaitState(kafka, clusterArn, ClusterState.ACTIVE);

        var operation = kafka.describeClusterOperationV2(r -> r.clusterOperationArn(operationArn))
                .clusterOperationInfo();
        assertThat(operation.operationState()).isEqualTo("UPDATE_COMPLETE");
        assertThat(operation.provisioned().operationSteps()).extracting(s -> s.stepName())
                .containsExactly("WRITE_NODE_CONFIGURATION", "RESTART_BROKER_1", "RESTART_BROKER_2");
        assertThat(operation.provisioned().sourceClusterInfo().openMonitoring().prometheus().jmxExporter()
                .enabledInBroker()).isTrue();
        assertThat(operation.provisioned().targetClusterInfo().openMonitoring().prometheus().jmxExporter()
                .enabledInBroker()).isFalse();
        for (String host : brokerHosts) {
            for (int port : List.of(11001, 11002)) {
                assertThatThrownBy(() -> scrape(host, port)).as(host + ":" + port)
                        .isInstanceOf(ConnectException.class);
            }
        }
    }

    @Test
    @Order(4)
    void badMonitoringUpdates_areRefusedAndChangeNothing() {
        String version = currentVersion();
        assertThatThrownBy(() -> kafka.updateMonitoring(r -> r.clusterArn(clusterArn).currentVersion(version)
                .loggingInfo(l -> l.brokerLogs(b -> b.s3(s -> s.enabled(true).bucket("logs"))))))
                .isInstanceOfSatisfying(BadRequestException.class,
                        e -> assertThat(e.invalidParameter()).isEqualTo("loggingInfo.brokerLogs.s3"));
        assertThatThrownBy(() -> kafka.updateMonitoring(r -> r.clusterArn(clusterArn).currentVersion(version)
                .enhancedMonitoring(EnhancedMonitoring.PER_TOPIC_PER_BROKER)))
                .isInstanceOf(BadRequestException.class).hasMessageContaining("changes nothing");
        assertThatThrownBy(() -> kafka.updateMonitoring(r -> r.clusterArn(clusterArn).currentVersion("KSTALE")
                .enhancedMonitoring(EnhancedMonitoring.DEFAULT)))
                .isInstanceOf(BadRequestException.class).hasMessageContaining("isn't current");
        var info = kafka.describeClusterV2(r -> r.clusterArn(clusterArn)).clusterInfo();
        assertThat(info.currentVersion()).isEqualTo(version);
        assertThat(info.state()).isEqualTo(ClusterState.ACTIVE);
    }

    private String scrape(String host, int port) throws IOException, InterruptedException {
        var response = http.send(HttpRequest.newBuilder(URI.create("http://" + host + ":" + port + "/metrics"))
                .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private String currentVersion() {
        return kafka.describeClusterV2(r -> r.clusterArn(clusterArn)).clusterInfo().currentVersion();
    }
}
