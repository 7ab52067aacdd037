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
                + "offset.flush.interval.ms=5000\nproducer.acks=all\nconsumer.max.poll.records=100\n"
                + "config.providers=secrets\n");

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
}
