package io.streamplane.api.protocol;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class ReplayGuardTest {
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));
    private final ReplayGuard guard = new ReplayGuard(Duration.ofMinutes(15), new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    });

    @Test
    void aChangingRequest_mayUseItsSignatureOnce_untilTheSignatureCouldNoLongerBeValid() {
        assertThat(guard.firstUse("POST", "sig-1")).isTrue();
        assertThat(guard.firstUse("POST", "sig-1")).isFalse();
        assertThat(guard.firstUse("DELETE", "sig-2")).isTrue();

        now.set(now.get().plus(Duration.ofMinutes(31)));

        assertThat(guard.firstUse("POST", "sig-1")).as("expired on both sides of the skew window, so forgotten")
                .isTrue();
    }

    @Test
    void reads_mayRepeatASignature() {
        assertThat(guard.firstUse("GET", "poll")).isTrue();
        assertThat(guard.firstUse("GET", "poll")).isTrue();
    }
}
