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
    static final class RecordingPlan implements OperationPlan<TestSteps, ClusterOperation, ClusterOutcome> {
        final List<String> ran = new CopyOnWriteArrayList<>();
        final List<String> outcomes = new CopyOnWriteArrayList<>();
        volatile String failAt = "";
        volatile String blockAt = "";
        /** A step that, interrupted, fails with an exception of its own and clears the interrupt. */
        volatile String swallowInterruptAt = "";
        /** A step that, interrupted, finishes its work all the same, as a node restart under way does. */
        volatile String finishDespiteInterruptAt = "";
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
                if (step.name().equals(swallowInterruptAt)) {
                    blocked.countDown();
                    try {
                        Thread.sleep(Duration.ofMinutes(1).toMillis());
                    } catch (InterruptedException e) {
                        throw new IllegalStateException("interrupted while waiting for node " + step.node());
                    }
                }
                if (step.name().equals(finishDespiteInterruptAt)) {
                    blocked.countDown();
                    try {
                        Thread.sleep(Duration.ofMinutes(1).toMillis());
                    } catch (InterruptedException e) {
                        ran.add(step.name() + " finished after the interrupt");
                    }
                }
                if (step.name().equals(failAt)) {
                    throw new IllegalStateException("node " + step.node() + " would not restart");
                }
            };
        }

        @Override
        public ClusterOutcome completed(ClusterOperation operation) {
            outcomes.add("complete");
            return ClusterOutcome.unchanged();
        }

        @Override
        public ClusterOutcome failed(ClusterOperation operation, Exception cause) {
            outcomes.add("failed: " + cause.getMessage());
            return ClusterOutcome.unchanged();
        }

        @Override
        public void afterEnd(ClusterOperation operation, Optional<Exception> failure) {
            outcomes.add("after end, " + operation.state());
        }
    }

    private final InMemoryClusterState journal = new InMemoryClusterState();
    private final RecordingPlan plan = new RecordingPlan();
    private OperationEngine<ClusterOperation, ClusterOutcome> engine = new OperationEngine<>("test", journal, op -> plan,
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
        assertThat(plan.outcomes).containsExactly("complete", "after end, UPDATE_COMPLETE");
        assertThat(journal.endings()).as("the end and its outcome in one call").containsExactly("op-1");
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
        assertThat(plan.outcomes).containsExactly("failed: node 3 would not restart", "after end, UPDATE_FAILED");
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
    void aStepThatFailsBecauseTheEngineIsStopping_leavesTheOperationToResume_ratherThanFailingIt() throws Exception {
        plan.swallowInterruptAt = "RESTART_NODE_3";
        record("op-5");
        engine.submit("op-5");
        assertThat(plan.blocked.await(10, TimeUnit.SECONDS)).isTrue();

        engine.close();
        assertThat(stored("op-5").isFinished()).isFalse();
        assertThat(stored("op-5").steps()).extracting(OperationStep::status).containsExactly(StepStatus.COMPLETE,
                StepStatus.COMPLETE, StepStatus.IN_PROGRESS, StepStatus.PENDING);
        assertThat(plan.outcomes).isEmpty();
    }

    @Test
    void aStepThatEndsWhileTheEngineStops_isTheLastOneRun_andTheNextStartGoesOnFromTheNext() throws Exception {
        plan.finishDespiteInterruptAt = "RESTART_NODE_2";
        record("op-7");
        engine.submit("op-7");
        assertThat(plan.blocked.await(10, TimeUnit.SECONDS)).isTrue();

        engine.close();
        assertThat(plan.ran).containsExactly("PREPARE", "RESTART_NODE_2", "RESTART_NODE_2 finished after the interrupt");
        assertThat(stored("op-7").steps()).extracting(OperationStep::status).containsExactly(StepStatus.COMPLETE,
                StepStatus.COMPLETE, StepStatus.PENDING, StepStatus.PENDING);
        assertThat(plan.outcomes).isEmpty();

        plan.finishDespiteInterruptAt = "";
        plan.ran.clear();
        engine = new OperationEngine<>("restarted", journal, op -> plan, Clock.systemUTC());
        engine.resumeUnfinishedExcept(Set.of());
        await().atMost(Duration.ofSeconds(10)).until(() -> stored("op-7").isFinished());
        assertThat(plan.ran).containsExactly("RESTART_NODE_3", "CHECK");
    }

    @Test
    void theObserverHearsEachStepCompletionByItsCount_andTheEnd() {
        var heard = new CopyOnWriteArrayList<String>();
        engine.close();
        engine = new OperationEngine<>("observed", journal, op -> plan, Clock.systemUTC(), new OperationObserver() {
            @Override
            public void stepCompleted(String type, int completedSteps, int steps) {
                heard.add(type + "/" + completedSteps + "/" + steps);
            }

            @Override
            public void ended(String type) {
                heard.add(type + "/ended");
            }
        });
        record("op-6");
        engine.submit("op-6");

        await().atMost(Duration.ofSeconds(10)).until(() -> stored("op-6").isFinished());
        assertThat(heard).containsExactly("REBOOT_NODE/1/4", "REBOOT_NODE/2/4", "REBOOT_NODE/3/4", "REBOOT_NODE/4/4",
                "REBOOT_NODE/ended");
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
