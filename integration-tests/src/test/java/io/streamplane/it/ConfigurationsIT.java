package io.streamplane.it;

import io.streamplane.testkit.Clusters;
import io.streamplane.testkit.StreamplaneFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kafka.KafkaClient;
import software.amazon.awssdk.services.kafka.model.BadRequestException;
import software.amazon.awssdk.services.kafka.model.ConfigurationState;
import software.amazon.awssdk.services.kafka.model.ConflictException;
import software.amazon.awssdk.services.kafka.model.NotFoundException;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** MSK configurations through the AWS SDK: revisions, validation of properties, and deletion. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConfigurationsIT {
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
    void aConfiguration_keepsEveryRevision() {
        var created = kafka.createConfiguration(r -> r.name("big-messages").description("first")
                .kafkaVersions(Clusters.KAFKA_VERSION).serverProperties(properties("message.max.bytes=2097152")));

        assertThat(created.arn()).matches("arn:aws:kafka:us-east-1:000000000000:configuration/big-messages/"
                + "[0-9a-f-]{36}-\\d");
        assertThat(created.state()).isEqualTo(ConfigurationState.ACTIVE);
        assertThat(created.latestRevision().revision()).isEqualTo(1L);

        var updated = kafka.updateConfiguration(r -> r.arn(created.arn()).description("second")
                .serverProperties(properties("message.max.bytes=4194304\nnum.partitions=3")));
        assertThat(updated.latestRevision().revision()).isEqualTo(2L);

        var described = kafka.describeConfiguration(r -> r.arn(created.arn()));
        assertThat(described.latestRevision().revision()).isEqualTo(2L);
        assertThat(described.kafkaVersions()).containsExactly(Clusters.KAFKA_VERSION);
        assertThat(described.description()).isEqualTo("first");
        var first = kafka.describeConfigurationRevision(r -> r.arn(created.arn()).revision(1L));
        assertThat(first.serverProperties().asUtf8String()).isEqualTo("message.max.bytes=2097152");
        assertThat(first.description()).isEqualTo("first");
        assertThat(kafka.listConfigurationRevisions(r -> r.arn(created.arn())).revisions())
                .extracting(v -> v.revision()).containsExactly(2L, 1L);
        assertThat(kafka.listConfigurations(r -> { }).configurations())
                .extracting(c -> c.name()).contains("big-messages");

        assertThatThrownBy(() -> kafka.describeConfigurationRevision(r -> r.arn(created.arn()).revision(7L)))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void aPropertyMskDoesNotAllow_isABadRequestNamingIt_andCreatesNothing() {
        assertThatThrownBy(() -> kafka.createConfiguration(r -> r.name("sneaky")
                .serverProperties(properties("listeners=PLAINTEXT://0.0.0.0:1234\nnum.partitions=two"))))
                .isInstanceOfSatisfying(BadRequestException.class, e -> {
                    assertThat(e.awsErrorDetails().errorMessage())
                            .contains("listeners: is not a property MSK configurations may set")
                            .contains("num.partitions: must be an integer, got 'two'");
                    assertThat(e.invalidParameter()).isEqualTo("serverProperties");
                });
        assertThat(kafka.listConfigurations(r -> { }).configurations()).extracting(c -> c.name())
                .doesNotContain("sneaky");
    }

    @Test
    void aBadRevision_leavesTheConfigurationAsItWas() {
        var arn = kafka.createConfiguration(r -> r.name("steady")
                .serverProperties(properties("num.partitions=2"))).arn();

        assertThatThrownBy(() -> kafka.updateConfiguration(r -> r.arn(arn)
                .serverProperties(properties("replica.lag.time.max.ms=1"))))
                .isInstanceOf(BadRequestException.class)
                .hasMessageContaining("between 10000 and 30000");
        assertThat(kafka.describeConfiguration(r -> r.arn(arn)).latestRevision().revision()).isEqualTo(1L);
    }

    @Test
    void aNameInUse_isAConflict() {
        kafka.createConfiguration(r -> r.name("twice").serverProperties(properties("num.partitions=2")));

        assertThatThrownBy(() -> kafka.createConfiguration(r -> r.name("twice")
                .serverProperties(properties("num.partitions=2")))).isInstanceOf(ConflictException.class);
    }

    @Test
    void anUnknownKafkaVersion_orOnePastMsksSupport_isABadRequest() {
        assertThatThrownBy(() -> kafka.createConfiguration(r -> r.name("unknown").kafkaVersions("9.9.x")
                .serverProperties(properties("num.partitions=2"))))
                .isInstanceOf(BadRequestException.class).hasMessageContaining("Unsupported KafkaVersion [9.9.x]");
        assertThatThrownBy(() -> kafka.createConfiguration(r -> r.name("old").kafkaVersions("2.8.1")
                .serverProperties(properties("num.partitions=2"))))
                .isInstanceOf(BadRequestException.class)
                .hasMessageContaining("Kafka version 2.8.1 reached the end of its support on 2024-09-11");
    }

    @Test
    void theVersionsMskUsersName_in3xTerraformModules_areAccepted() {
        var arn = kafka.createConfiguration(r -> r.name("three-x").kafkaVersions("3.6.0", "3.8.x", "3.9.x.kraft")
                .serverProperties(properties("num.partitions=2"))).arn();

        assertThat(kafka.describeConfiguration(r -> r.arn(arn)).kafkaVersions())
                .containsExactly("3.6.0", "3.8.x", "3.9.x.kraft");
    }

    @Test
    void zooKeeperClientProperties_areForZooKeeperVersions_notKRaftOnes() {
        var zookeeper = kafka.createConfiguration(r -> r.name("zookeeper-timeouts").kafkaVersions("3.8.x")
                .serverProperties(properties("zookeeper.session.timeout.ms=12000")));
        assertThat(zookeeper.latestRevision().revision()).isEqualTo(1L);

        assertThatThrownBy(() -> kafka.createConfiguration(r -> r.name("kraft-timeouts").kafkaVersions("3.8.x.kraft")
                .serverProperties(properties("zookeeper.session.timeout.ms=12000"))))
                .isInstanceOfSatisfying(BadRequestException.class,
                        e -> assertThat(e.invalidParameter()).isEqualTo("serverProperties"))
                .hasMessageContaining("apply to ZooKeeper clusters only");
    }

    @Test
    void deleteConfiguration_removesItAndItsTags() {
        var arn = kafka.createConfiguration(r -> r.name("short-lived")
                .serverProperties(properties("num.partitions=2"))).arn();
        kafka.tagResource(r -> r.resourceArn(arn).tags(Map.of("owner", "me")));
        assertThat(kafka.listTagsForResource(r -> r.resourceArn(arn)).tags()).containsEntry("owner", "me");

        assertThat(kafka.deleteConfiguration(r -> r.arn(arn)).state()).isEqualTo(ConfigurationState.DELETING);

        assertThatThrownBy(() -> kafka.describeConfiguration(r -> r.arn(arn))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> kafka.listTagsForResource(r -> r.resourceArn(arn)))
                .isInstanceOf(NotFoundException.class);
    }

    private static SdkBytes properties(String text) {
        return SdkBytes.fromUtf8String(text);
    }
}
