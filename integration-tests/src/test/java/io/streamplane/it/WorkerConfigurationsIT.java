package io.streamplane.it;

import io.streamplane.testkit.StreamplaneFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.kafkaconnect.KafkaConnectClient;
import software.amazon.awssdk.services.kafkaconnect.model.BadRequestException;
import software.amazon.awssdk.services.kafkaconnect.model.ConflictException;
import software.amazon.awssdk.services.kafkaconnect.model.NotFoundException;
import software.amazon.awssdk.services.kafkaconnect.model.WorkerConfigurationState;
import software.amazon.awssdk.services.kafkaconnect.model.WorkerConfigurationSummary;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** MSK Connect's worker configurations through the AWS SDK, with MSK Connect's rules for their properties. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkerConfigurationsIT {
    private static final String PROPERTIES = "key.converter=org.apache.kafka.connect.storage.StringConverter\n"
            + "value.converter=org.apache.kafka.connect.json.JsonConverter\nvalue.converter.schemas.enable=false\n";
    private StreamplaneFixture streamplane;
    private KafkaConnectClient connect;

    @BeforeAll
    void start() {
        streamplane = StreamplaneFixture.start();
        connect = streamplane.kafkaConnectClient();
    }

    @AfterAll
    void stop() {
        streamplane.close();
    }

    @Test
    void aWorkerConfiguration_keepsItsPropertiesAsGiven_untilDeleted() {
        var created = connect.createWorkerConfiguration(r -> r.name("json-values").description("JSON values")
                .propertiesFileContent(base64(PROPERTIES)).tags(Map.of("team", "streaming")));

        assertThat(created.workerConfigurationArn()).matches(
                "arn:aws:kafkaconnect:us-east-1:000000000000:worker-configuration/json-values/[0-9a-f-]+-\\d");
        assertThat(created.workerConfigurationState()).isEqualTo(WorkerConfigurationState.ACTIVE);
        assertThat(created.latestRevision().revision()).isEqualTo(1L);
        var described = connect.describeWorkerConfiguration(r -> r.workerConfigurationArn(
                created.workerConfigurationArn()));
        assertThat(new String(Base64.getDecoder().decode(described.latestRevision().propertiesFileContent()),
                StandardCharsets.UTF_8)).isEqualTo(PROPERTIES);
        assertThat(described.description()).isEqualTo("JSON values");
        assertThat(connect.listWorkerConfigurations(r -> r.namePrefix("json")).workerConfigurations())
                .extracting(WorkerConfigurationSummary::name).containsExactly("json-values");
        assertThat(connect.listTagsForResource(r -> r.resourceArn(created.workerConfigurationArn())).tags())
                .containsEntry("team", "streaming");
        connect.untagResource(r -> r.resourceArn(created.workerConfigurationArn()).tagKeys("team"));
        assertThat(connect.listTagsForResource(r -> r.resourceArn(created.workerConfigurationArn())).tags()).isEmpty();

        var deleted = connect.deleteWorkerConfiguration(r -> r.workerConfigurationArn(created.workerConfigurationArn()));
        assertThat(deleted.workerConfigurationState()).isEqualTo(WorkerConfigurationState.DELETING);
        assertThatThrownBy(() -> connect.describeWorkerConfiguration(r -> r.workerConfigurationArn(
                created.workerConfigurationArn()))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void propertiesMskConnectDoesNotAllow_areABadRequestNamingThem_andCreateNothing() {
        assertThatThrownBy(() -> connect.createWorkerConfiguration(r -> r.name("refused")
                .propertiesFileContent(base64(PROPERTIES + "bootstrap.servers=elsewhere:9092\nproducer.linger.ms=5\n"))))
                .isInstanceOf(BadRequestException.class)
                .hasMessageContaining("bootstrap.servers is set by the service")
                .hasMessageContaining("producer.linger.ms is not a producer property");
        assertThatThrownBy(() -> connect.createWorkerConfiguration(r -> r.name("no-converters")
                .propertiesFileContent(base64("offset.flush.interval.ms=1000\n"))))
                .isInstanceOf(BadRequestException.class).hasMessageContaining("key.converter is required");
        assertThatThrownBy(() -> connect.createWorkerConfiguration(r -> r.name("not-base64")
                .propertiesFileContent("key.converter=x")))
                .isInstanceOf(BadRequestException.class).hasMessageContaining("base64");
        // A line break hidden in a key, and configuration providers, which load classes and files.
        assertThatThrownBy(() -> connect.createWorkerConfiguration(r -> r.name("refused-key")
                .propertiesFileContent(base64(PROPERTIES + "offset.flush.interval.ms\\ngroup.id=theirs\n"
                        + "config.providers=file\n"))))
                .isInstanceOf(BadRequestException.class)
                .hasMessageContaining("'offset.flush.interval.ms\\u000agroup.id' is not a configuration name")
                .hasMessageContaining("config.providers is not allowed");
        assertThat(connect.listWorkerConfigurations(r -> r.namePrefix("refused")).workerConfigurations()).isEmpty();
        assertThat(connect.listWorkerConfigurations(r -> r.namePrefix("no-")).workerConfigurations()).isEmpty();
        assertThat(connect.listWorkerConfigurations(r -> r.namePrefix("not-")).workerConfigurations()).isEmpty();
    }

    @Test
    void aNameInUse_isAConflict_andUnknownArnsAreNotFound() {
        connect.createWorkerConfiguration(r -> r.name("taken").propertiesFileContent(base64(PROPERTIES)));

        assertThatThrownBy(() -> connect.createWorkerConfiguration(r -> r.name("taken")
                .propertiesFileContent(base64(PROPERTIES)))).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> connect.describeWorkerConfiguration(r -> r.workerConfigurationArn(
                "arn:aws:kafkaconnect:us-east-1:000000000000:worker-configuration/none/x-1")))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> connect.tagResource(r -> r.resourceArn(
                "arn:aws:kafkaconnect:us-east-1:000000000000:connector/none/x-1").tags(Map.of("a", "b"))))
                .isInstanceOf(NotFoundException.class);
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
