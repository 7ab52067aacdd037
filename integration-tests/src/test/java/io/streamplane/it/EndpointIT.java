package io.streamplane.it;

import io.streamplane.testkit.Clusters;
import io.streamplane.testkit.ServerProcess;
import io.streamplane.testkit.StalledSockets;
import io.streamplane.testkit.StreamplaneFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.kafka.KafkaClient;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The server's front door as callers meet it (stalled sockets, exact paths, the metrics port), and
 * what it keeps to itself: its data directory and its database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EndpointIT {
    private StreamplaneFixture streamplane;
    private KafkaClient kafka;

    @BeforeAll
    void start() {
        streamplane = StreamplaneFixture.start();
        kafka = streamplane.kafkaClient();
    }

    @AfterAll
    void stop() {
        streamplane.close();
    }

    @Test
    void twoHundredStalledSockets_doNotKeepASignedClientFromBeingAnswered() throws Exception {
        String arn = Clusters.createCluster(kafka, "stalled-callers", 3, List.of("subnet-1", "subnet-2", "subnet-3"));
        URI endpoint = streamplane.endpoint();
        try (var stalled = StalledSockets.open(endpoint, 200)) {
            for (int i = 0; i < 200; i++) {
                assertThat(kafka.describeClusterV2(r -> r.clusterArn(arn)).clusterInfo().clusterName())
                        .isEqualTo("stalled-callers");
            }
            assertThat(get(endpoint.resolve("/ca.pem")).body()).startsWith("-----BEGIN CERTIFICATE-----");
            // Still stalled, not cut off early: the calls were answered while every one of them was open.
            assertThat(stalled.stillOpen()).isEqualTo(200);
        } finally {
            kafka.deleteCluster(r -> r.clusterArn(arn));
            Clusters.awaitGone(kafka, arn);
        }
    }

    @Test
    void theMetricsPage_isOnItsOwnLoopbackPort_andTheApiPortsPathIsTheApis() throws Exception {
        var metrics = get(streamplane.metricsEndpoint());
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("text/plain; version=0.0.4"));
        assertThat(streamplane.metricsEndpoint().getHost()).isEqualTo("127.0.0.1");
        var onTheApiPort = get(streamplane.endpoint().resolve("/metrics"));
        assertThat(onTheApiPort.statusCode()).isEqualTo(403);
        assertThat(onTheApiPort.headers().firstValue("x-amzn-ErrorType")).contains("MissingAuthenticationTokenException");
    }

    @Test
    void aSecondServerOnTheSameState_refusesToStart_namingTheFirst(@TempDir Path logs) throws Exception {
        Path log = logs.resolve("second-server.log");
        assertThatThrownBy(() -> ServerProcess.start(streamplane.dataDir(), StreamplaneFixture.freeNodeNetwork(), log))
                .hasMessageContaining("The server exited with 1");
        assertThat(Files.readString(log)).contains("streamplane: cannot start: Another Streamplane server uses the data "
                + "directory " + streamplane.dataDir() + ": pid " + ProcessHandle.current().pid() + ", serving "
                + "http://127.0.0.1:0");
        assertThat(kafka.listClustersV2(r -> { }).clusterInfoList()).as("the first server serves on").isNotNull();
    }

    @Test
    void theDatabase_isReadableByItsOwnerOnly() throws Exception {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(streamplane.dataDir()
                .resolve("streamplane.mv.db")))).isEqualTo("rw-------");
    }

    private static HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }
}
