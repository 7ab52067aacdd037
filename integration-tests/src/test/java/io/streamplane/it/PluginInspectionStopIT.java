package io.streamplane.it;

import io.streamplane.testkit.ServerProcess;
import io.streamplane.testkit.TemporaryDirectory;
import io.streamplane.testkit.StreamplaneFixture;
import org.apache.kafka.connect.file.FileStreamSinkConnector;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.kafkaconnect.model.CustomPluginContentType;
import software.amazon.awssdk.services.kafkaconnect.model.CustomPluginState;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A graceful stop while a custom plugin is being inspected is no failure of the plugin: it stays
 * CREATING and the next server inspects it again.
 */
class PluginInspectionStopIT {
    private final Path log = Path.of("target", "plugin-inspection-stop-server.log").toAbsolutePath();

    @Test
    void aStopDuringInspection_leavesThePluginCreating_andTheNextStartMakesItActive() throws Exception {
        try (var work = TemporaryDirectory.create("streamplane-plugin-stop")) {
            Path dataDir = work.path().resolve("data");
            String network = StreamplaneFixture.freeNodeNetwork();
            var server = ServerProcess.start(dataDir, network, log);
            try {
                var s3 = StreamplaneFixture.s3Client(server.endpoint(), StreamplaneFixture.ACCESS_KEY_ID,
                        StreamplaneFixture.SECRET_ACCESS_KEY);
                s3.createBucket(r -> r.bucket("plugins"));
                byte[] jar = Files.readAllBytes(Path.of(FileStreamSinkConnector.class.getProtectionDomain()
                        .getCodeSource().getLocation().toURI()));
                s3.putObject(r -> r.bucket("plugins").key("file.jar"), RequestBody.fromBytes(jar));
                var connect = StreamplaneFixture.kafkaConnectClient(server.endpoint());
                String arn = connect.createCustomPlugin(r -> r.name("cut-short").contentType(CustomPluginContentType.JAR)
                        .location(l -> l.s3Location(s -> s.bucketArn("arn:aws:s3:::plugins").fileKey("file.jar"))))
                        .customPluginArn();

                // at once: the inspection runs Kafka Connect's plugin scanner in a JVM of its own for seconds
                server.stop();
                assertThat(Files.readString(log)).doesNotContain("Inspecting the custom plugin");

                server = ServerProcess.start(dataDir, network, log);
                var next = StreamplaneFixture.kafkaConnectClient(server.endpoint());
                await().atMost(Duration.ofSeconds(60)).until(() -> next.describeCustomPlugin(r -> r.customPluginArn(arn))
                        .customPluginState() != CustomPluginState.CREATING);
                assertThat(next.describeCustomPlugin(r -> r.customPluginArn(arn)).customPluginState())
                        .isEqualTo(CustomPluginState.ACTIVE);
                server.stop();
            } finally {
                server.close();
            }
        }
    }
}
