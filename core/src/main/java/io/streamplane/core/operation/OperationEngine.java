package io.streamplane.core.operation;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs operations in the background, step by step, persisting each step's progress before the
 * next starts. The {@link PlanCatalog} names the plan of each operation type; the plan reads the
 * operation's steps back as its own typed steps and runs them. Operations on the same cluster run
 * one after another. An operation interrupted by shutdown stays unfinished and is resumed on the
 * next start ({@link #resumeUnfinishedExcept}, {@link #resumeUnfinished(String)}).
 */
public final class OperationEngine implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OperationEngine.class);
    private final OperationStore store;
    private final Clock clock;
    private final PlanCatalog plans;
    private final Map<String, Object> clusterLocks = new ConcurrentHashMap<>();
    private final ExecutorService executor;

    public OperationEngine(OperationStore store, PlanCatalog plans, Clock clock) {
        this.store = store;
        this.plans = plans;
        this.clock = clock;
        var threads = new AtomicInteger();
        this.executor = Executors.newCachedThreadPool(r -> {
            var t = new Thread(r, "operation-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    public void submit(String operationArn) {
        executor.execute(() -> run(operationArn));
    }

    /** Resumes unfinished operations, except those of the given clusters (resumed by the caller later). */
    public void resumeUnfinishedExcept(Set<String> clusterArns) {
        for (var operation : store.unfinishedOperations()) {
            if (!clusterArns.contains(operation.clusterArn())) {
                resume(operation);
            }
        }
    }

    public void resumeUnfinished(String clusterArn) {
        store.unfinishedOperations().stream().filter(o -> o.clusterArn().equals(clusterArn)).forEach(this::resume);
    }

    private void resume(ClusterOperation operation) {
        LOG.info("Resuming {} operation {}", operation.type(), operation.arn());
        submit(operation.arn());
    }

    private void run(String operationArn) {
        var initial = store.findOperation(operationArn).orElseThrow();
        synchronized (clusterLocks.computeIfAbsent(initial.clusterArn(), k -> new Object())) {
            var operation = store.findOperation(operationArn).orElseThrow();
            if (operation.state().isFinished()) {
                return;
            }
            execute(operation, plans.planFor(operation.type()));
        }
    }

    private <K extends Enum<K> & StepKind> void execute(ClusterOperation operation, OperationPlan<K> plan) {
        String current = null;
        try {
            for (String step : operation.steps().stream().map(OperationStep::name).toList()) {
                if (operation.isStepComplete(step)) {
                    continue;
                }
                current = step;
                var typed = Step.parse(plan.stepKinds(), step);
                operation = save(operation.withStep(step, StepStatus.IN_PROGRESS));
                plan.action(typed, operation).run();
                operation = save(operation.withStep(step, StepStatus.COMPLETE));
            }
            operation = save(operation.completed(clock.instant()));
            plan.onComplete(operation);
        } catch (InterruptedException e) {
            LOG.info("Operation {} interrupted at step {}; it resumes on the next start", operation.arn(), current);
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.error("Operation {} failed at step {}", operation.arn(), current, e);
            var failed = current == null ? operation : operation.withStep(current, StepStatus.FAILED);
            operation = save(failed.failed(clock.instant(), new ErrorInfo(errorCode(e), describe(e))));
            plan.onFailure(operation, e);
        }
    }

    private ClusterOperation save(ClusterOperation operation) {
        store.updateOperation(operation);
        return operation;
    }

    private static String errorCode(Exception e) {
        return e instanceof java.util.concurrent.TimeoutException ? "TIMEOUT" : "INTERNAL_ERROR";
    }

    private static String describe(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** Stops running operations at their next interruption point; they resume on the next start. */
    @Override
    public void close() {
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
                LOG.warn("Operations still running after 30 s of shutdown");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
