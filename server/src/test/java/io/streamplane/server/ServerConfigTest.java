package io.streamplane.server;

import org.junit.jupiter.api.Test;

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
}
