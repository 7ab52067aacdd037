package io.streamplane.core.configuration;

import io.streamplane.core.Ids;
import io.streamplane.core.ServiceIdentity;
import io.streamplane.core.error.InvalidRequest;
import io.streamplane.core.fakes.FakeNodeRuntime;
import io.streamplane.core.fakes.InMemoryConfigurationStore;
import io.streamplane.core.kafka.KafkaVersionCatalog;
import io.streamplane.core.kafka.MetadataMode;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The properties of a broker's ZooKeeper client are for ZooKeeper clusters only, as on MSK. */
class ConfigurationServiceTest {
    private static final String ZOOKEEPER_TIMEOUTS = "zookeeper.session.timeout.ms=12000\n"
            + "zookeeper.connection.timeout.ms=9000\nnum.partitions=3";
    private final ConfigurationService configurations = new ConfigurationService(
            new ServiceIdentity("us-east-1", "000000000000"), new InMemoryConfigurationStore(), arn -> List.of(),
            new KafkaVersionCatalog(new FakeNodeRuntime("3.9.2", "4.1.1"),
                    Set.of(MetadataMode.KRAFT, MetadataMode.ZOOKEEPER)), new Ids(), Clock.systemUTC());

    @Test
    void aConfigurationForKRaftVersionsOnly_mayNotSetThem() {
        assertThatThrownBy(() -> configurations.create("kraft", Optional.empty(), List.of("3.9.x.kraft", "4.1.x.kraft"),
                ZOOKEEPER_TIMEOUTS))
                .isInstanceOfSatisfying(InvalidRequest.class, e -> assertThat(e.field()).contains("serverProperties"))
                .hasMessageContaining("[zookeeper.connection.timeout.ms, zookeeper.session.timeout.ms] apply to "
                        + "ZooKeeper clusters only");
    }

    @Test
    void aConfigurationForAZooKeeperVersion_mayNotGoBeyondMsksRange() {
        var configuration = configurations.create("zookeeper", Optional.empty(), List.of("3.9.x"), ZOOKEEPER_TIMEOUTS);
        assertThat(configuration.kafkaVersions()).containsExactly("3.9.x");

        assertThatThrownBy(() -> configurations.update(configuration.arn(), Optional.empty(),
                "zookeeper.session.timeout.ms=60000"))
                .hasMessageContaining("zookeeper.session.timeout.ms");
    }

    @Test
    void aConfigurationForAnyVersion_mayNameThem_butAKRaftClusterIsRefusedThatRevision() {
        var configuration = configurations.create("any", Optional.empty(), List.of(), ZOOKEEPER_TIMEOUTS);
        var first = new ConfigurationRef(configuration.arn(), 1);

        configurations.requireUsable(first, "3.9.x");
        assertThatThrownBy(() -> configurations.requireUsable(first, "4.1.x.kraft"))
                .isInstanceOfSatisfying(InvalidRequest.class, e -> assertThat(e.field()).contains("configurationInfo"))
                .hasMessageContaining("apply to ZooKeeper clusters only, and Kafka 4.1.x.kraft runs on KRaft");

        configurations.update(configuration.arn(), Optional.empty(), "num.partitions=4");
        configurations.requireUsable(new ConfigurationRef(configuration.arn(), 2), "4.1.x.kraft");
    }
}
