package io.streamplane.core.connect;

import io.streamplane.core.error.InvalidRequest;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CapacityRulesTest {
    @Test
    void mskConnectsSizes_areAccepted() {
        assertThatCode(() -> CapacityRules.check(ConnectorCapacity.provisioned(8, 10), "capacity"))
                .doesNotThrowAnyException();
        assertThatCode(() -> CapacityRules.check(ConnectorCapacity.autoScaled(1,
                new AutoScaling(1, 10, 20, 80, Optional.of(10))), "capacity")).doesNotThrowAnyException();
    }

    @Test
    void outOfRange_isRefusedNamingTheMember() {
        assertThatThrownBy(() -> CapacityRules.check(ConnectorCapacity.provisioned(3, 1), "capacity"))
                .isInstanceOf(InvalidRequest.class).hasMessageContaining("capacity.provisionedCapacity.mcuCount");
        assertThatThrownBy(() -> CapacityRules.check(ConnectorCapacity.provisioned(1, 0), "capacity"))
                .isInstanceOf(InvalidRequest.class).hasMessageContaining("workerCount must be between 1 and 10");
        assertThatThrownBy(() -> CapacityRules.check(ConnectorCapacity.autoScaled(1,
                new AutoScaling(3, 2, 20, 80, Optional.empty())), "capacity"))
                .isInstanceOf(InvalidRequest.class).hasMessageContaining("must be at least minWorkerCount");
        assertThatThrownBy(() -> CapacityRules.check(ConnectorCapacity.autoScaled(1,
                new AutoScaling(1, 4, 80, 20, Optional.empty())), "capacity"))
                .isInstanceOf(InvalidRequest.class).hasMessageContaining("below the scale-out percentage");
        assertThatThrownBy(() -> CapacityRules.check(ConnectorCapacity.autoScaled(1,
                new AutoScaling(1, 4, 20, 80, Optional.of(2))), "capacity"))
                .isInstanceOf(InvalidRequest.class).hasMessageContaining("maxAutoscalingTaskCount");
        assertThatThrownBy(() -> CapacityRules.check(new ConnectorCapacity(1, Optional.empty(), Optional.empty()),
                "capacity")).isInstanceOf(InvalidRequest.class).hasMessageContaining("exactly one");
    }
}
