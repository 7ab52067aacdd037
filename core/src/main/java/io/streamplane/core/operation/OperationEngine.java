package io.streamplane.core.operation;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs operations in the background, step by step, persisting each step's progress before the
 * next starts. The {@link PlanCatalog} names the plan of each operation; the plan reads the
 * operation's steps back as its own typed steps and runs them. Operations on the same resource run
 * one after another. An operation interrupted by shutdown stays unfinished and is resumed on the
 * next start ({@link #resumeUnfinishedExcept}, {@link #resumeUnfinished(String)}). One engine runs
 * cluster operations, another connector operations: the same code, each on its own journal.
 *
 * @param <O> the operations it runs
 */
public final class OperationEngine<O extends TrackedOperation<O>> implements OperationRunner, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OperationEngine.class);
    private final OperationJournal<O> journal;
    private final Clock clock;
    private final PlanCatalog<O> plans;
    private final Map<String, Object> subjectLocks = new ConcurrentHashMap<>();
    private final ExecutorService executor;

    /** @param name names the engine's threads */
    public OperationEngine(String name, OperationJournal<O> journal, PlanCatalog<O> plans, Clock clock) {
        this.journal = journal;
        this.plans = plans;
        this.clock = clock;
        var threads = new AtomicInteger();
        this.executor = Executors.newCachedThreadPool(r -> {
            var t = new Thread(r, name + "-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public void submit(String operationArn) {
        executor.execute(() -> run(operationArn));
    }

    /** Resumes unfinished operations, except those of the given resources (resumed by the caller later). */
    public void resumeUnfinishedExcept(Set<String> subjectArns) {
        for (var operation : journal.unfinished()) {
            if (!subjectArns.contains(operation.subjectArn())) {
                resume(operation);
            }
        }
    }

    public void resumeUnfinished(String subjectArn) {
        journal.unfinished().stream().filter(o -> o.subjectArn().equals(subjectArn)).forEach(this::resume);
    }

    private void resume(O operation) {
        LOG.info("Resuming operation {}", operation.arn());
        submit(operation.arn());
    }

    private void run(String operationArn) {
        var initial = journal.find(operationArn).orElseThrow();
        synchronized (subjectLocks.computeIfAbsent(initial.subjectArn(), k -> new Object())) {
            var operation = journal.find(operationArn).orElseThrow();
            if (operation.isFinished()) {
                return;
            }
            execute(operation, plans.planFor(operation));
        }
    }

    private <K extends Enum<K> & StepKind> void execute(O operation, OperationPlan<K, O> plan) {
        String current = null;
        try {
            for (String step : operation.stepNames()) {
                if (operation.isStepComplete(step)) {
                    continue;
                }
                current = step;
                var typed = Step.parse(plan.stepKinds(), step);
                operation = save(operation.stepStarted(step));
                plan.action(typed, operation).run();
                operation = save(operation.stepCompleted(step));
            }
            current = null;
            plan.finish(operation);
            operation = save(operation.completed(clock.instant()));
            plan.onComplete(operation);
        } catch (InterruptedException e) {
            interrupted(operation, current);
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            if (Thread.currentThread().isInterrupted()) {
                // Stopped by shutdown, whatever the step made of its interruption.
                interrupted(operation, current);
                return;
            }
            LOG.error("Operation {} failed at step {}", operation.arn(), current, e);
            operation = save(operation.failed(clock.instant(), Optional.ofNullable(current), plan.failure(e)));
            plan.onFailure(operation, e);
        }
    }

    private void interrupted(O operation, String step) {
        LOG.info("Operation {} interrupted at step {}; it resumes on the next start", operation.arn(), step);
    }

    private O save(O operation) {
        journal.save(operation);
        return operation;
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
