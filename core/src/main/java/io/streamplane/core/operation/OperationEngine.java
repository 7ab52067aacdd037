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
 * next start ({@link #resumeUnfinishedExcept}, {@link #resumeUnfinished(String)}); so does one
 * whose step fails while the engine is being closed, since the stop, not the step, cut it short.
 * An operation's end and what it makes of its resource are recorded together
 * ({@link OperationJournal#end}). One engine runs cluster operations, another connector
 * operations: the same code, each on its own journal.
 *
 * @param <O> the operations it runs
 * @param <R> what an ending operation makes of its resource
 */
public final class OperationEngine<O extends TrackedOperation<O>, R> implements OperationRunner, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OperationEngine.class);
    private final OperationJournal<O, R> journal;
    private final Clock clock;
    private final PlanCatalog<O, R> plans;
    private final Map<String, Object> subjectLocks = new ConcurrentHashMap<>();
    private final ExecutorService executor;
    private final OperationObserver observer;
    private volatile boolean stopping;

    /** @param name names the engine's threads */
    public OperationEngine(String name, OperationJournal<O, R> journal, PlanCatalog<O, R> plans, Clock clock) {
        this(name, journal, plans, clock, OperationObserver.NONE);
    }

    /** @param observer told of every point an operation passes, once that point is recorded */
    public OperationEngine(String name, OperationJournal<O, R> journal, PlanCatalog<O, R> plans, Clock clock,
                           OperationObserver observer) {
        this.journal = journal;
        this.observer = observer;
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

    private <K extends Enum<K> & StepKind> void execute(O operation, OperationPlan<K, O, R> plan) {
        String current = null;
        try {
            for (String step : operation.stepNames()) {
                if (operation.isStepComplete(step)) {
                    continue;
                }
                if (stopping) {
                    // A stop begun while the last step ran lets that step end, and starts no other:
                    // the stop is the operation's pause, not its failure, and the next start goes on.
                    interrupted(operation, step);
                    return;
                }
                current = step;
                var typed = Step.parse(plan.stepKinds(), step);
                operation = save(operation.stepStarted(step));
                plan.action(typed, operation).run();
                operation = save(operation.stepCompleted(step));
                observer.stepCompleted(operation.typeName(), completedSteps(operation), operation.stepNames().size());
            }
            current = null;
            plan.finish(operation);
            var completed = operation.completed(clock.instant());
            journal.end(completed, plan.completed(completed));
            observer.ended(completed.typeName());
            afterEnd(plan, completed, Optional.empty());
        } catch (InterruptedException e) {
            interrupted(operation, current);
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            if (stopping || Thread.currentThread().isInterrupted()) {
                // Stopped by shutdown, whatever the step made of its interruption.
                interrupted(operation, current);
                return;
            }
            LOG.error("Operation {} failed at step {}", operation.arn(), current, e);
            var failed = operation.failed(clock.instant(), Optional.ofNullable(current), plan.failure(e));
            journal.end(failed, plan.failed(failed, e));
            observer.ended(failed.typeName());
            afterEnd(plan, failed, Optional.of(e));
        }
    }

    private void afterEnd(OperationPlan<?, O, R> plan, O operation, Optional<Exception> failure) {
        try {
            plan.afterEnd(operation, failure);
        } catch (RuntimeException e) {
            // The end is recorded; start-up recovery acts on it if what follows it was cut short.
            LOG.error("Operation {} ended, but what follows its end failed", operation.arn(), e);
        }
    }

    private void interrupted(O operation, String step) {
        LOG.info("Operation {} interrupted at step {}; it resumes on the next start", operation.arn(), step);
    }

    private O save(O operation) {
        journal.save(operation);
        return operation;
    }

    private int completedSteps(O operation) {
        return (int) operation.stepNames().stream().filter(operation::isStepComplete).count();
    }

    /** Stops running operations at their next interruption point; they resume on the next start. */
    @Override
    public void close() {
        stopping = true;
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
