package io.streamplane.core.connect;

import io.streamplane.core.error.InvalidRequest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WorkerPropertiesTest {
    private static final String CONVERTERS = "key.converter=org.apache.kafka.connect.storage.StringConverter\n"
            + "value.converter=org.apache.kafka.connect.json.JsonConverter\n";

    @Test
    void converters_andWhatMskConnectAllows_areAccepted() {
        var properties = WorkerProperties.parseAndValidate(CONVERTERS + "value.converter.schemas.enable=false\n"
                + "offset.flush.interval.ms=5000\nproducer.acks=all\nconsumer.max.poll.records=100\n");

        assertThat(properties).containsEntry("producer.acks", "all").containsEntry("offset.flush.interval.ms", "5000");
    }

    @Test
    void theConverters_areRequired() {
        assertThatThrownBy(() -> WorkerProperties.parseAndValidate("key.converter=x\n"))
                .isInstanceOfSatisfying(InvalidRequest.class, e -> {
                    assertThat(e.field()).contains("propertiesFileContent");
                    assertThat(e.getMessage()).contains("value.converter is required");
                });
    }

    @Test
    void whatTheServiceSets_isRefused_namingEveryProperty() {
        assertThatThrownBy(() -> WorkerProperties.parseAndValidate(CONVERTERS + "bootstrap.servers=elsewhere:9092\n"
                + "rest.port=8084\nproducer.linger.ms=5\nconsumer.group.id=mine\nplugin.path=/tmp\n"))
                .isInstanceOf(InvalidRequest.class)
                .hasMessageContaining("bootstrap.servers is set by the service")
                .hasMessageContaining("rest.port is set by the service (no rest.* properties)")
                .hasMessageContaining("producer.linger.ms is not a producer property")
                .hasMessageContaining("consumer.group.id is not a consumer property")
                .hasMessageContaining("plugin.path is set by the service");
    }

    @Test
    void aKeyThatHidesALineBreak_isRefused_soItCannotSetWhatTheServiceSets() {
        // "\n" in a properties key is a line break in the key, which a file written from it would end its line at.
        assertThatThrownBy(() -> WorkerProperties.parseAndValidate(CONVERTERS
                + "offset.flush.interval.ms\\nbootstrap.servers=elsewhere:9092\n"))
                .isInstanceOfSatisfying(InvalidRequest.class, e -> {
                    assertThat(e.field()).contains("propertiesFileContent");
                    assertThat(e.getMessage()).contains("'offset.flush.interval.ms\\u000abootstrap.servers' is not a "
                            + "configuration name").doesNotContain("\n");
                });
        assertThatThrownBy(() -> WorkerProperties.parseAndValidate(CONVERTERS + "a\\ b=1\n"))
                .hasMessageContaining("'a b' is not a configuration name");
    }

    @Test
    void configurationProviders_areRefused_sinceTheyLoadClassesAndFilesOnTheWorkers() {
        assertThatThrownBy(() -> WorkerProperties.parseAndValidate(CONVERTERS + "config.providers=file\n"
                + "config.providers.file.class=org.apache.kafka.common.config.provider.FileConfigProvider\n"))
                .isInstanceOf(InvalidRequest.class)
                .hasMessageContaining("config.providers is not allowed: configuration providers load classes and files "
                        + "on the workers")
                .hasMessageContaining("config.providers.file.class is not allowed");
    }
}
