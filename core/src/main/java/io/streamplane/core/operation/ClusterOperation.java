package io.streamplane.core.operation;

import io.streamplane.core.cluster.ClusterSpec;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A long-running change to a cluster, run step by step by the {@link OperationEngine}. Each step's
 * progress is persisted, so an operation interrupted by a restart resumes where it was.
 */
public record ClusterOperation(
        String arn,
        String clusterArn,
        OperationType type,
        OperationState state,
        List<OperationStep> steps,
        Instant creationTime,
        Optional<Instant> endTime,
        Optional<ErrorInfo> errorInfo,
        Optional<ClusterSpec> sourceSpec,
        Optional<ClusterSpec> targetSpec) implements TrackedOperation<ClusterOperation> {

    public ClusterOperation {
        steps = List.copyOf(steps);
    }

    public static ClusterOperation pending(String arn, String clusterArn, OperationType type,
                                           List<? extends Step<?>> planned, Instant now, Optional<ClusterSpec> source,
                                           Optional<ClusterSpec> target) {
        var steps = planned.stream().map(s -> new OperationStep(s.name(), StepStatus.PENDING)).toList();
        return new ClusterOperation(arn, clusterArn, type, OperationState.PENDING, steps, now, Optional.empty(),
                Optional.empty(), source, target);
    }

    public ClusterOperation withStep(String stepName, StepStatus status) {
        var updated = new ArrayList<OperationStep>();
        for (var step : steps) {
            updated.add(step.name().equals(stepName) ? step.withStatus(status) : step);
        }
        var newState = state == OperationState.PENDING ? OperationState.UPDATE_IN_PROGRESS : state;
        return new ClusterOperation(arn, clusterArn, type, newState, updated, creationTime, endTime, errorInfo,
                sourceSpec, targetSpec);
    }

    @Override
    public ClusterOperation completed(Instant now) {
        return new ClusterOperation(arn, clusterArn, type, OperationState.UPDATE_COMPLETE, steps, creationTime,
                Optional.of(now), Optional.empty(), sourceSpec, targetSpec);
    }

    public ClusterOperation failed(Instant now, ErrorInfo error) {
        return new ClusterOperation(arn, clusterArn, type, OperationState.UPDATE_FAILED, steps, creationTime,
                Optional.of(now), Optional.of(error), sourceSpec, targetSpec);
    }

    @Override
    public String typeName() {
        return type.name();
    }

    @Override
    public String subjectArn() {
        return clusterArn;
    }

    @Override
    public List<String> stepNames() {
        return steps.stream().map(OperationStep::name).toList();
    }

    @Override
    public boolean isFinished() {
        return state.isFinished();
    }

    @Override
    public ClusterOperation stepStarted(String stepName) {
        return withStep(stepName, StepStatus.IN_PROGRESS);
    }

    @Override
    public ClusterOperation stepCompleted(String stepName) {
        return withStep(stepName, StepStatus.COMPLETE);
    }

    @Override
    public ClusterOperation failed(Instant at, Optional<String> stepName, ErrorInfo why) {
        return stepName.map(s -> withStep(s, StepStatus.FAILED)).orElse(this).failed(at, why);
    }

    @Override
    public boolean isStepComplete(String stepName) {
        return steps.stream().anyMatch(s -> s.name().equals(stepName) && s.status() == StepStatus.COMPLETE);
    }
}
