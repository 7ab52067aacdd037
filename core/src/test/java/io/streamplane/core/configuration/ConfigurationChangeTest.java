package io.streamplane.core.configuration;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ConfigurationChangeTest {

    @Test
    void between_appliesDynamicPropertiesLiveWithoutARestart() {
        var change = ConfigurationChange.between(Map.of("message.max.bytes", "1048588", "log.retention.ms", "1000"),
                Map.of("message.max.bytes", "2097152"));

        assertThat(change.dynamicUpdates()).containsExactlyEntriesOf(Map.of("message.max.bytes", "2097152"));
        assertThat(change.dynamicRemovals()).containsExactly("log.retention.ms");
        assertThat(change.needsBrokerRestart()).isFalse();
        assertThat(change.needsControllerRestart()).isFalse();
    }

    @Test
    void between_rollsBrokersForStaticProperties_andControllersForTopicDefaults() {
        var brokersOnly = ConfigurationChange.between(Map.of(), Map.of("log.retention.hours", "72"));
        var withControllers = ConfigurationChange.between(Map.of("num.partitions", "1"), Map.of());

        assertThat(brokersOnly.staticChanges()).containsExactly("log.retention.hours");
        assertThat(brokersOnly.needsBrokerRestart()).isTrue();
        assertThat(brokersOnly.needsControllerRestart()).isFalse();
        assertThat(withControllers.needsControllerRestart()).isTrue();
    }

    @Test
    void between_rollsControllersForTheAclDefault_whichTheyEnforceOnForwardedRequests() {
        var change = ConfigurationChange.between(Map.of(), Map.of("allow.everyone.if.no.acl.found", "false"));

        assertThat(change.needsBrokerRestart()).isTrue();
        assertThat(change.needsControllerRestart()).isTrue();
    }

    @Test
    void between_sameProperties_changesNothing() {
        var change = ConfigurationChange.between(Map.of("num.partitions", "3"), Map.of("num.partitions", "3"));

        assertThat(change.dynamicUpdates()).isEmpty();
        assertThat(change.staticChanges()).isEmpty();
    }
}
