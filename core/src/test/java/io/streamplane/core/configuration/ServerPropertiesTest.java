package io.streamplane.core.configuration;

import io.streamplane.core.error.InvalidRequest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServerPropertiesTest {

    @Test
    void parseAndValidate_acceptsPropertiesMskLetsCustomersSet() {
        var props = ServerProperties.parseAndValidate("""
                # bigger messages
                message.max.bytes=2097152
                auto.create.topics.enable = true
                log.cleanup.policy=compact,delete
                compression.type=zstd
                log.cleaner.min.cleanable.ratio=0.3
                replica.selector.class=org.apache.kafka.common.replica.RackAwareReplicaSelector
                """);

        assertThat(props).containsEntry("message.max.bytes", "2097152")
                .containsEntry("auto.create.topics.enable", "true")
                .containsEntry("log.cleanup.policy", "compact,delete")
                .hasSize(6);
    }

    @Test
    void parseAndValidate_refusesAPropertyMskDoesNotAllow_namingIt() {
        assertThatThrownBy(() -> ServerProperties.parseAndValidate("auto.leader.rebalance.enable=true\n"
                + "listeners=PLAINTEXT://0.0.0.0:9092"))
                .isInstanceOfSatisfying(InvalidRequest.class, e -> {
                    assertThat(e.field()).contains("serverProperties");
                    assertThat(e.getMessage())
                            .contains("auto.leader.rebalance.enable: is not a property MSK configurations may set")
                            .contains("listeners: is not a property");
                });
    }

    @Test
    void parseAndValidate_checksTypesAndRanges() {
        assertThatThrownBy(() -> ServerProperties.parseAndValidate("num.partitions=many"))
                .hasMessageContaining("num.partitions: must be an integer, got 'many'");
        assertThatThrownBy(() -> ServerProperties.parseAndValidate("replica.lag.time.max.ms=5000"))
                .hasMessageContaining("replica.lag.time.max.ms: must be between 10000 and 30000, got 5000");
        assertThatThrownBy(() -> ServerProperties.parseAndValidate("message.max.bytes=99999999999"))
                .hasMessageContaining("message.max.bytes: must be an integer");
        assertThatThrownBy(() -> ServerProperties.parseAndValidate("unclean.leader.election.enable=yes"))
                .hasMessageContaining("must be one of [true, false]");
        assertThatThrownBy(() -> ServerProperties.parseAndValidate("log.cleanup.policy=delete,shred"))
                .hasMessageContaining("got 'shred'");
        assertThatThrownBy(() -> ServerProperties.parseAndValidate("log.cleaner.min.cleanable.ratio=1.5"))
                .hasMessageContaining("must be between 0.0 and 1.0");
    }

    @Test
    void threadsAndBuffers_stayWithinWhatABrokerCanHold() {
        assertThatThrownBy(() -> ServerProperties.parseAndValidate("num.io.threads=100000"))
                .hasMessageContaining("num.io.threads: must be between 1 and 256, got 100000");
        assertThatThrownBy(() -> ServerProperties.parseAndValidate("num.network.threads=129"))
                .hasMessageContaining("between 1 and 128");
        assertThatThrownBy(() -> ServerProperties.parseAndValidate("num.replica.fetchers=65"))
                .hasMessageContaining("between 1 and 64");
        assertThatThrownBy(() -> ServerProperties.parseAndValidate("socket.request.max.bytes=2000000000"))
                .hasMessageContaining("between 1 and 104857600");
        assertThatThrownBy(() -> ServerProperties.parseAndValidate("socket.send.buffer.bytes=1073741824"))
                .hasMessageContaining("between -1 and 16777216");
        assertThat(ServerProperties.parseAndValidate("num.io.threads=16\nmessage.max.bytes=8388608"))
                .containsEntry("num.io.threads", "16");
    }

    @Test
    void parseAndValidate_refusesTextThatSetsNothing() {
        assertThatThrownBy(() -> ServerProperties.parseAndValidate("# only a comment\n"))
                .hasMessageContaining("sets no property");
    }
}
