package io.streamplane.core.connect;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class AutoscalingPolicyTest {
    private static final AutoScaling ONE_TO_FOUR = new AutoScaling(1, 4, 20, 80, Optional.empty());

    @Test
    void sustainedHighCpu_addsOneWorker_upToTheMaximum() {
        assertThat(AutoscalingPolicy.targetWorkers(ONE_TO_FOUR, 2, List.of(85.0, 90.0, 95.0))).isEqualTo(3);
        assertThat(AutoscalingPolicy.targetWorkers(ONE_TO_FOUR, 4, List.of(85.0, 90.0, 95.0))).isEqualTo(4);
    }

    @Test
    void sustainedLowCpu_removesOneWorker_downToTheMinimum() {
        assertThat(AutoscalingPolicy.targetWorkers(ONE_TO_FOUR, 3, List.of(5.0, 10.0, 2.0))).isEqualTo(2);
        assertThat(AutoscalingPolicy.targetWorkers(ONE_TO_FOUR, 1, List.of(5.0, 10.0, 2.0))).isEqualTo(1);
    }

    @Test
    void aSingleSpikeOrTooFewSamples_changeNothing() {
        assertThat(AutoscalingPolicy.targetWorkers(ONE_TO_FOUR, 2, List.of(10.0, 95.0, 10.0))).isEqualTo(2);
        assertThat(AutoscalingPolicy.targetWorkers(ONE_TO_FOUR, 2, List.of(95.0, 95.0))).isEqualTo(2);
        assertThat(AutoscalingPolicy.targetWorkers(ONE_TO_FOUR, 2, List.of(50.0, 50.0, 50.0))).isEqualTo(2);
    }

    @Test
    void aCountOutsideTheRange_isBroughtIntoIt() {
        assertThat(AutoscalingPolicy.targetWorkers(new AutoScaling(2, 3, 20, 80, Optional.empty()), 1, List.of()))
                .isEqualTo(2);
        assertThat(AutoscalingPolicy.targetWorkers(new AutoScaling(1, 2, 20, 80, Optional.empty()), 5, List.of()))
                .isEqualTo(2);
    }
}
