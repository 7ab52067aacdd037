package io.streamplane.core.cluster;

import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.HashSet;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaClusterIdTest {
    @Test
    void isSixteenRandomBytesInUrlSafeBase64_neverStartingWithAHyphen() {
        var seen = new HashSet<String>();
        // One id in 64 would start with '-' if drawn freely; 20,000 draws miss that with odds of about e^-312.
        for (int i = 0; i < 20_000; i++) {
            String id = KafkaClusterId.random();
            assertThat(id).hasSize(22).doesNotStartWith("-");
            assertThat(Base64.getUrlDecoder().decode(id)).hasSize(16);
            seen.add(id);
        }
        assertThat(seen).hasSize(20_000);
    }
}
