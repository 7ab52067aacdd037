package io.streamplane.core.operation;

import io.streamplane.core.fakes.InMemoryClusterState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The engine on an in-memory journal, with a plan that records what it is asked to do. */
class OperationEngineTest {

    /** A plan that records every step it runs, and fails or blocks at the steps it is told to. */
    static final class RecordingPlan implements OperationPlan<TestSteps, ClusterOperation> {
        final List<String> ran = new CopyOnWriteArrayList<>();
        final List<String> outcomes = new CopyOnWriteArrayList<>();
        volatile String failAt = "";
        volatile String blockAt = "";
        final CountDownLatch blocked = new CountDownLatch(1);

        @Override
        public Class<TestSteps> stepKinds() {
            return TestSteps.class;
        }

        @Override
        public StepAction action(Step<TestSteps> step, ClusterOperation operation) {
            return () -> {
                ran.add(step.name());
                if (step.name().equals(blockAt)) {
                    blocked.countDown();
                    Thread.sleep(Duration.ofMinutes(1).toMillis());
                }
                if (step.name().equals(failAt)) {
                    throw new IllegalStateException("node " + step.node() + " would not restart");
                }
            };
        }

        @Override
        public void onComplete(ClusterOperation operation) {
            outcomes.add("complete");
        }

        @Override
        public void onFailure(ClusterOperation operation, Exception cause) {
            outcomes.add("failed: " + cause.getMessage());
        }
    }

    private final InMemoryClusterState journal = new InMemoryClusterState();
    private final RecordingPlan plan = new RecordingPlan();
    private OperationEngine<ClusterOperation> engine = new OperationEngine<>("test", journal, op -> plan,
            Clock.systemUTC());

    @AfterEach
    void stop() {
        engine.close();
    }

    private ClusterOperation record(String arn) {
        var operation = ClusterOperation.pending(arn, "arn:cluster/a", OperationType.REBOOT_NODE,
                List.of(Step.of(TestSteps.PREPARE), Step.onNode(TestSteps.RESTART_NODE, 2), Step.onNode(TestSteps.RESTART_NODE, 3),
                        Step.of(TestSteps.CHECK)), Instant.now(), Optional.empty(), Optional.empty());
        journal.putOperation(operation);
        return operation;
    }

    private ClusterOperation stored(String arn) {
        return journal.findOperation(arn).orElseThrow();
    }

    @Test
    void runsEveryStepInOrder_withTheNodeItActsOn_thenCompletes() {
        record("op-1");
        engine.submit("op-1");

        await().atMost(Duration.ofSeconds(10)).until(() -> stored("op-1").isFinished());
        assertThat(plan.ran).containsExactly("PREPARE", "RESTART_NODE_2", "RESTART_NODE_3", "CHECK");
        assertThat(stored("op-1").state()).isEqualTo(OperationState.UPDATE_COMPLETE);
        assertThat(stored("op-1").steps()).extracting(OperationStep::status).containsOnly(StepStatus.COMPLETE);
        assertThat(plan.outcomes).containsExactly("complete");
    }

    @Test
    void aFailingStep_failsTheOperationThere_andTheRestNeverRuns() {
        plan.failAt = "RESTART_NODE_3";
        record("op-2");
        engine.submit("op-2");

        await().atMost(Duration.ofSeconds(10)).until(() -> stored("op-2").isFinished());
        var failed = stored("op-2");
        assertThat(failed.state()).isEqualTo(OperationState.UPDATE_FAILED);
        assertThat(failed.steps()).extracting(OperationStep::status).containsExactly(StepStatus.COMPLETE,
                StepStatus.COMPLETE, StepStatus.FAILED, StepStatus.PENDING);
        assertThat(failed.errorInfo()).contains(new ErrorInfo("INTERNAL_ERROR", "node 3 would not restart"));
        assertThat(plan.ran).doesNotContain("CHECK");
        assertThat(plan.outcomes).containsExactly("failed: node 3 would not restart");
    }

    @Test
    void anOperationStoppedByShutdown_staysUnfinished_andResumesAtTheStepItWasIn() throws Exception {
        plan.blockAt = "RESTART_NODE_2";
        record("op-3");
        engine.submit("op-3");
        assertThat(plan.blocked.await(10, TimeUnit.SECONDS)).isTrue();

        engine.close();
        assertThat(stored("op-3").isFinished()).isFalse();
        assertThat(plan.outcomes).isEmpty();

        plan.blockAt = "";
        plan.ran.clear();
        engine = new OperationEngine<>("restarted", journal, op -> plan, Clock.systemUTC());
        engine.resumeUnfinishedExcept(Set.of());
        await().atMost(Duration.ofSeconds(10)).until(() -> stored("op-3").isFinished());
        assertThat(plan.ran).containsExactly("RESTART_NODE_2", "RESTART_NODE_3", "CHECK");
        assertThat(stored("op-3").state()).isEqualTo(OperationState.UPDATE_COMPLETE);
    }

    @Test
    void aStepNameThePlanDoesNotKnow_failsTheOperation_ratherThanLeavingItPending() {
        var operation = ClusterOperation.pending("op-4", "arn:cluster/a", OperationType.REBOOT_NODE,
                List.of(Step.of(TestSteps.PREPARE)), Instant.now(), Optional.empty(), Optional.empty());
        journal.putOperation(new ClusterOperation(operation.arn(), operation.clusterArn(), operation.type(),
                operation.state(), List.of(new OperationStep("SOMETHING_ELSE", StepStatus.PENDING)),
                operation.creationTime(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));
        engine.submit("op-4");

        await().atMost(Duration.ofSeconds(10)).until(() -> stored("op-4").isFinished());
        assertThat(stored("op-4").state()).isEqualTo(OperationState.UPDATE_FAILED);
        assertThat(stored("op-4").errorInfo().orElseThrow().errorString()).contains("SOMETHING_ELSE");
    }
}
