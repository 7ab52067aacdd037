package io.streamplane.server;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CrashPointTest {

    @Test
    void readsAStepCountOrTheEnd() {
        assertThat(CrashPoint.parse(Optional.of("CREATE_CLUSTER/2"))).isPresent();
        assertThat(CrashPoint.parse(Optional.of("DELETE_CLUSTER/ended"))).isPresent();
        assertThat(CrashPoint.parse(Optional.empty())).isEmpty();
    }

    @Test
    void refusesWhatItCannotRead_ratherThanNeverCrashing() {
        for (var bad : new String[] {"CREATE_CLUSTER", "CREATE_CLUSTER/0", "CREATE_CLUSTER/two", "/ended"}) {
            assertThatThrownBy(() -> CrashPoint.parse(Optional.of(bad))).as(bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("STREAMPLANE_CRASH_AT");
        }
    }
}
