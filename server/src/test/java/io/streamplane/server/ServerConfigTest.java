package io.streamplane.server;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServerConfigTest {

    @Test
    void accessKeys_areReadAsKeySecretPairs() {
        assertThat(ServerConfig.parseAccessKeys("AKID1:one, AKID2:two:with-colon"))
                .containsExactly(Map.entry("AKID1", "one"), Map.entry("AKID2", "two:with-colon"));
        assertThat(ServerConfig.parseAccessKeys("")).isEmpty();
    }

    @Test
    void aPairWithoutItsSecret_isRefusedWithoutEchoingAnySecret() {
        assertThatThrownBy(() -> ServerConfig.parseAccessKeys("AKID1:one,AKID2"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'AKID2'")
                .hasMessageNotContaining("one");
    }

    @Test
    void withoutAnS3Endpoint_theEmbeddedStoreIsUsed() {
        assertThat(ServerConfig.externalS3(null, "us-east-1", null, null)).isEmpty();
    }

    @Test
    void aRealS3_needsItsEndpointAndBothCredentials() {
        var s3 = ServerConfig.externalS3("https://s3.eu-west-1.amazonaws.com", "eu-west-1", "AKIDS3", "s3-secret");
        assertThat(s3).hasValueSatisfying(e -> {
            assertThat(e.endpoint()).hasToString("https://s3.eu-west-1.amazonaws.com");
            assertThat(e.region()).isEqualTo("eu-west-1");
            assertThat(e.toString()).doesNotContain("s3-secret");
        });
        assertThatThrownBy(() -> ServerConfig.externalS3("https://s3.eu-west-1.amazonaws.com", "eu-west-1", "AKIDS3",
                null)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--s3-secret-access-key");
        assertThatThrownBy(() -> ServerConfig.externalS3(null, "eu-west-1", "AKIDS3", "s3-secret"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("go with --s3-endpoint");
        assertThatThrownBy(() -> ServerConfig.externalS3("ftp://files", "eu-west-1", "AKIDS3", "s3-secret"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("http or https");
    }

    @Test
    void theAutoscalingSampleInterval_isWholeSecondsFromOneToFiveMinutes() {
        assertThat(ServerConfig.autoscalingSampleInterval(10)).isEqualTo(Duration.ofSeconds(10));
        assertThat(ServerConfig.autoscalingSampleInterval(300)).isEqualTo(Duration.ofMinutes(5));
        assertThatThrownBy(() -> ServerConfig.autoscalingSampleInterval(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--autoscaling-sample-seconds must be between 1 and 300, got 0");
        assertThatThrownBy(() -> ServerConfig.autoscalingSampleInterval(301))
                .hasMessageContaining("got 301");
    }

    @Test
    void maxMemory_readsMebibytesAndGibibytes_andDefaultsToAShareOfTheMachine() {
        assertThat(ServerConfig.maxMemoryMegabytes("6g")).isEqualTo(6144);
        assertThat(ServerConfig.maxMemoryMegabytes("4096M")).isEqualTo(4096);
        assertThat(ServerConfig.maxMemoryMegabytes(" 2048 ")).isEqualTo(2048);
        long machine = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getTotalMemorySize() / (1024 * 1024);
        assertThat(ServerConfig.maxMemoryMegabytes("")).isBetween(1024L, machine * 3 / 4);
        assertThatThrownBy(() -> ServerConfig.maxMemoryMegabytes("lots")).hasMessageContaining("--max-memory")
                .hasMessageContaining("'lots'");
        assertThatThrownBy(() -> ServerConfig.maxMemoryMegabytes("512m")).hasMessageContaining("at least 1024 MiB");
    }
}
