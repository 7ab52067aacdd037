package io.streamplane.core.operation;

import org.junit.jupiter.api.Test;

import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StepTest {


    @Test
    void name_isTheKindFollowedByTheNodeForNodeKinds() {
        assertThat(Step.of(TestSteps.PREPARE).name()).isEqualTo("PREPARE");
        assertThat(Step.onNode(TestSteps.RESTART_NODE, 3002).name()).isEqualTo("RESTART_NODE_3002");
    }

    @Test
    void parse_readsBackEveryStepItsNameWasMadeFrom() {
        assertThat(Step.parse(TestSteps.class, "PREPARE")).isEqualTo(Step.of(TestSteps.PREPARE));
        assertThat(Step.parse(TestSteps.class, "RESTART_NODE_2")).isEqualTo(Step.onNode(TestSteps.RESTART_NODE, 2));
        assertThat(Step.parse(TestSteps.class, "RESTART_NODE_2").node()).isEqualTo(2);
        // A kind whose name extends another's is told apart from a node id.
        assertThat(Step.parse(TestSteps.class, "RESTART_NODES")).isEqualTo(Step.of(TestSteps.RESTART_NODES));
    }

    @Test
    void parse_refusesNamesOfNoKindOfThePlan() {
        assertThatThrownBy(() -> Step.parse(TestSteps.class, "RESTART_BROKER_1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("RESTART_BROKER_1");
        assertThatThrownBy(() -> Step.parse(TestSteps.class, "RESTART_NODE_")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Step.parse(TestSteps.class, "RESTART_NODE_x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Step.parse(TestSteps.class, "PREPARE_1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aStepHasANodeExactlyWhenItsKindActsOnOne() {
        assertThatThrownBy(() -> new Step<>(TestSteps.RESTART_NODE, OptionalInt.empty()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Step<>(TestSteps.PREPARE, OptionalInt.of(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Step.of(TestSteps.PREPARE).node()).isInstanceOf(IllegalStateException.class);
    }
}
