package io.streamplane.it;

import io.streamplane.testkit.StreamplaneFixture;
import org.apache.kafka.connect.file.FileStreamSinkConnector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.kafkaconnect.KafkaConnectClient;
import software.amazon.awssdk.services.kafkaconnect.model.BadRequestException;
import software.amazon.awssdk.services.kafkaconnect.model.ConflictException;
import software.amazon.awssdk.services.kafkaconnect.model.CustomPluginContentType;
import software.amazon.awssdk.services.kafkaconnect.model.CustomPluginState;
import software.amazon.awssdk.services.kafkaconnect.model.CustomPluginSummary;
import software.amazon.awssdk.services.kafkaconnect.model.DescribeCustomPluginResponse;
import software.amazon.awssdk.services.kafkaconnect.model.NotFoundException;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * MSK Connect's custom plugins through the AWS SDK: uploaded to the endpoint's S3, then inspected
 * by Kafka Connect itself. The plugin is Apache Kafka's own file connector, a real one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CustomPluginsIT {
    private static final String BUCKET_ARN = "arn:aws:s3:::plugins";
    private StreamplaneFixture streamplane;
    private KafkaConnectClient connect;
    private S3Client s3;
    private byte[] fileConnectorJar;

    @BeforeAll
    void start() throws IOException, URISyntaxException {
        streamplane = StreamplaneFixture.start();
        connect = streamplane.kafkaConnectClient();
        s3 = streamplane.s3Client();
        s3.createBucket(r -> r.bucket("plugins"));
        fileConnectorJar = Files.readAllBytes(Path.of(FileStreamSinkConnector.class.getProtectionDomain()
                .getCodeSource().getLocation().toURI()));
    }

    @AfterAll
    void stop() {
        streamplane.close();
    }

    @Test
    void aJarPlugin_isCreating_thenActive_withTheFileItWasReadFrom() throws Exception {
        upload("file-connector.jar", fileConnectorJar);

        var created = connect.createCustomPlugin(r -> r.name("file-jar").description("Kafka's file connectors")
                .contentType(CustomPluginContentType.JAR)
                .location(l -> l.s3Location(s -> s.bucketArn(BUCKET_ARN).fileKey("file-connector.jar")))
                .tags(Map.of("team", "streaming")));

        assertThat(created.customPluginArn())
                .matches("arn:aws:kafkaconnect:us-east-1:000000000000:custom-plugin/file-jar/[0-9a-f-]+-\\d");
        assertThat(created.customPluginState()).isEqualTo(CustomPluginState.CREATING);
        assertThat(created.revision()).isEqualTo(1L);
        var active = awaitSettled(created.customPluginArn());
        assertThat(active.customPluginState()).isEqualTo(CustomPluginState.ACTIVE);
        assertThat(active.stateDescription()).isNull();
        assertThat(active.latestRevision().fileDescription().fileSize()).isEqualTo((long) fileConnectorJar.length);
        assertThat(active.latestRevision().fileDescription().fileMd5()).isEqualTo(md5(fileConnectorJar));
        assertThat(active.latestRevision().location().s3Location().fileKey()).isEqualTo("file-connector.jar");
        assertThat(active.latestRevision().contentType()).isEqualTo(CustomPluginContentType.JAR);
        assertThat(connect.listTagsForResource(r -> r.resourceArn(created.customPluginArn())).tags())
                .containsEntry("team", "streaming");
        assertThat(connect.listCustomPlugins(r -> r.namePrefix("file-j")).customPlugins())
                .extracting(CustomPluginSummary::name).containsExactly("file-jar");

        var deleted = connect.deleteCustomPlugin(r -> r.customPluginArn(created.customPluginArn()));
        assertThat(deleted.customPluginState()).isEqualTo(CustomPluginState.DELETING);
        assertThatThrownBy(() -> connect.describeCustomPlugin(r -> r.customPluginArn(created.customPluginArn())))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void aZipOfJars_becomesActive() throws Exception {
        upload("file-connector.zip", zip("file-connector/lib/connect-file.jar", fileConnectorJar));

        var created = connect.createCustomPlugin(r -> r.name("file-zip").contentType(CustomPluginContentType.ZIP)
                .location(l -> l.s3Location(s -> s.bucketArn(BUCKET_ARN).fileKey("file-connector.zip"))));

        assertThat(awaitSettled(created.customPluginArn()).customPluginState()).isEqualTo(CustomPluginState.ACTIVE);
    }

    @Test
    void anArchiveWithoutAConnector_failsSayingWhy() throws Exception {
        upload("readme.zip", zip("README.txt", "no connector in here".getBytes()));

        var created = connect.createCustomPlugin(r -> r.name("no-connector").contentType(CustomPluginContentType.ZIP)
                .location(l -> l.s3Location(s -> s.bucketArn(BUCKET_ARN).fileKey("readme.zip"))));

        var failed = awaitSettled(created.customPluginArn());
        assertThat(failed.customPluginState()).isEqualTo(CustomPluginState.CREATE_FAILED);
        assertThat(failed.stateDescription().message()).contains("no source or sink connector");
        assertThat(failed.latestRevision()).as("no revision was created successfully").isNull();
    }

    @Test
    void badPlugins_areRefusedAtOnce_andCreateNothing() {
        upload("notes.txt", "just text".getBytes());

        assertThatThrownBy(() -> createPlugin("missing", "no-such-plugin.zip", BUCKET_ARN))
                .isInstanceOf(BadRequestException.class).hasMessageContaining("There is no object")
                .hasMessageContaining("no-such-plugin.zip");
        assertThatThrownBy(() -> createPlugin("not-an-archive", "notes.txt", BUCKET_ARN))
                .isInstanceOf(BadRequestException.class).hasMessageContaining("is not a ZIP file");
        assertThatThrownBy(() -> createPlugin("bad-bucket", "notes.txt", "plugins"))
                .isInstanceOf(BadRequestException.class).hasMessageContaining("location.s3Location.bucketArn");
        assertThat(connect.listCustomPlugins(r -> r.namePrefix("missing")).customPlugins()).isEmpty();
        assertThat(connect.listCustomPlugins(r -> r.namePrefix("not-an")).customPlugins()).isEmpty();
        assertThat(connect.listCustomPlugins(r -> r.namePrefix("bad-")).customPlugins()).isEmpty();
    }

    @Test
    void aNameInUse_isAConflict() {
        upload("conflict.jar", fileConnectorJar);
        createPlugin("taken", "conflict.jar", BUCKET_ARN);

        assertThatThrownBy(() -> createPlugin("taken", "conflict.jar", BUCKET_ARN)).isInstanceOf(ConflictException.class);
        assertThat(connect.listCustomPlugins(r -> r.namePrefix("taken")).customPlugins()).hasSize(1);
    }

    private void createPlugin(String name, String key, String bucketArn) {
        connect.createCustomPlugin(r -> r.name(name).contentType(CustomPluginContentType.ZIP)
                .location(l -> l.s3Location(s -> s.bucketArn(bucketArn).fileKey(key))));
    }

    private DescribeCustomPluginResponse awaitSettled(String arn) {
        return await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(250))
                .until(() -> connect.describeCustomPlugin(r -> r.customPluginArn(arn)),
                        p -> p.customPluginState() != CustomPluginState.CREATING);
    }

    private void upload(String key, byte[] content) {
        s3.putObject(r -> r.bucket("plugins").key(key), RequestBody.fromBytes(content));
    }

    private static byte[] zip(String entry, byte[] content) throws IOException {
        var bytes = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(entry));
            zip.write(content);
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    private static String md5(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(content));
    }
}
