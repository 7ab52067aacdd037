package io.streamplane.core.operation;

import org.junit.jupiter.api.Test;

import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StepTest {

    /** Step kinds of a plan, as a plan declares them. */
    enum Kind implements StepKind {
        PREPARE(false), RESTART_NODE(true), RESTART_NODES(false);

        private final boolean onNode;

        Kind(boolean onNode) {
            this.onNode = onNode;
        }

        @Override
        public boolean onNode() {
            return onNode;
        }
    }

    @Test
    void name_isTheKindFollowedByTheNodeForNodeKinds() {
        assertThat(Step.of(Kind.PREPARE).name()).isEqualTo("PREPARE");
        assertThat(Step.onNode(Kind.RESTART_NODE, 3002).name()).isEqualTo("RESTART_NODE_3002");
    }

    @Test
    void parse_readsBackEveryStepItsNameWasMadeFrom() {
        assertThat(Step.parse(Kind.class, "PREPARE")).isEqualTo(Step.of(Kind.PREPARE));
        assertThat(Step.parse(Kind.class, "RESTART_NODE_2")).isEqualTo(Step.onNode(Kind.RESTART_NODE, 2));
        assertThat(Step.parse(Kind.class, "RESTART_NODE_2").node()).isEqualTo(2);
        // A kind whose name extends another's is told apart from a node id.
        assertThat(Step.parse(Kind.class, "RESTART_NODES")).isEqualTo(Step.of(Kind.RESTART_NODES));
    }

    @Test
    void parse_refusesNamesOfNoKindOfThePlan() {
        assertThatThrownBy(() -> Step.parse(Kind.class, "RESTART_BROKER_1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("RESTART_BROKER_1");
        assertThatThrownBy(() -> Step.parse(Kind.class, "RESTART_NODE_")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Step.parse(Kind.class, "RESTART_NODE_x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Step.parse(Kind.class, "PREPARE_1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aStepHasANodeExactlyWhenItsKindActsOnOne() {
        assertThatThrownBy(() -> new Step<>(Kind.RESTART_NODE, OptionalInt.empty()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Step<>(Kind.PREPARE, OptionalInt.of(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Step.of(Kind.PREPARE).node()).isInstanceOf(IllegalStateException.class);
    }
}
