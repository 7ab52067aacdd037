package io.streamplane.it;

import io.streamplane.testkit.Connectors;
import io.streamplane.testkit.StreamplaneFixture;
import org.apache.kafka.connect.file.FileStreamSinkConnector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.kafka.KafkaClient;
import software.amazon.awssdk.services.kafka.model.BadRequestException;
import software.amazon.awssdk.services.kafkaconnect.KafkaConnectClient;
import software.amazon.awssdk.services.kafkaconnect.model.CustomPluginContentType;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A server given 3,000 MiB for its nodes and workers ({@code --max-memory}) refuses, before
 * anything is written or started, a cluster or a connector that would need more, saying how much
 * it needs and how much is in use.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MemoryLimitIT {
    private StreamplaneFixture streamplane;
    private KafkaClient kafka;
    private KafkaConnectClient connect;

    @BeforeAll
    void start() {
        streamplane = StreamplaneFixture.start(StreamplaneFixture.freeNodeNetwork(), 3_000);
        kafka = streamplane.kafkaClient();
        connect = streamplane.kafkaConnectClient();
    }

    @AfterAll
    void stop() {
        streamplane.close();
    }

    /** Three kafka.m5.large brokers (512 MiB heaps) and three controllers (256 MiB), 128 MiB more each. */
    @Test
    void aClusterBeyondTheLimit_isA400NamingTheBrokerCount_andNothingIsCreated() {
        assertThatThrownBy(() -> kafka.createClusterV2(r -> r.clusterName("too-big").provisioned(p -> p
                .kafkaVersion("4.1.x.kraft").numberOfBrokerNodes(3)
                .brokerNodeGroupInfo(b -> b.instanceType("kafka.m5.large")
                        .clientSubnets("subnet-1", "subnet-2", "subnet-3")))))
                .isInstanceOfSatisfying(BadRequestException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.invalidParameter()).isEqualTo("provisioned.numberOfBrokerNodes");
                    assertThat(e).hasMessageContaining("3072 MiB of memory needed")
                            .hasMessageContaining("0 MiB of the 3000 MiB").hasMessageContaining("--max-memory");
                });
        assertThat(kafka.listClustersV2(r -> { }).clusterInfoList()).isEmpty();
    }

    /** Ten workers of 8 MCU would take 10 × (2,048 + 128) MiB. */
    @Test
    void aConnectorBeyondTheLimit_isA400NamingItsCapacity_andNoWorkerStarts() throws Exception {
        var s3 = streamplane.s3Client();
        s3.createBucket(r -> r.bucket("plugins"));
        s3.putObject(r -> r.bucket("plugins").key("file-connector.jar"), RequestBody.fromFile(Path.of(
                FileStreamSinkConnector.class.getProtectionDomain().getCodeSource().getLocation().toURI())));
        String pluginArn = Connectors.activePlugin(connect, "file", CustomPluginContentType.JAR, "plugins",
                "file-connector.jar");

        assertThatThrownBy(() -> connect.createConnector(Connectors.request("too-big", pluginArn, "127.0.0.1:9092",
                        Map.of("connector.class", FileStreamSinkConnector.class.getName(), "topics", "t"),
                        c -> c.provisionedCapacity(p -> p.mcuCount(8).workerCount(10))).build()))
                .isInstanceOfSatisfying(software.amazon.awssdk.services.kafkaconnect.model.BadRequestException.class,
                        e -> {
                            assertThat(e.statusCode()).isEqualTo(400);
                            assertThat(e).hasMessageContaining("Connector capacity").hasMessageContaining("21760 MiB of memory needed")
                                    .hasMessageContaining("10 workers of 8 MCU");
                        });
        assertThat(connect.listConnectors(r -> { }).connectors()).isEmpty();
    }
}
