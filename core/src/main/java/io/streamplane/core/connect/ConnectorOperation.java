package io.streamplane.core.connect;

import io.streamplane.core.operation.ErrorInfo;
import io.streamplane.core.operation.TrackedOperation;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A change to a running connector, as {@code DescribeConnectorOperation} shows it: the capacity
 * or connector configuration before and after, and MSK Connect's steps. An autoscaling step
 * keeps the capacity and changes the number of workers to {@code targetWorkerCount}. A pause, a
 * resume or a restart changes neither ({@code onlyFailedTasks}: a restart of the failed tasks alone).
 */
public record ConnectorOperation(String arn, String connectorArn, ConnectorOperationType type, String state,
                                 List<Step> steps,
                                 ConnectorCapacity originCapacity, Optional<ConnectorCapacity> targetCapacity,
                                 Optional<Integer> targetWorkerCount,
                                 Map<String, String> originConfiguration,
                                 Optional<Map<String, String>> targetConfiguration,
                                 Optional<StateDescription> errorInfo, Instant creationTime,
                                 Optional<Instant> endTime, boolean onlyFailedTasks)
        implements TrackedOperation<ConnectorOperation> {
    public static final String PENDING = "PENDING";
    private static final String IN_PROGRESS = "IN_PROGRESS";
    private static final String COMPLETE = "COMPLETE";
    private static final String FAILED = "FAILED";

    public ConnectorOperation {
        steps = List.copyOf(steps);
    }

    /** One of MSK Connect's steps (INITIALIZE_UPDATE, ...) and its state (PENDING, IN_PROGRESS, ...). */
    public record Step(String type, String state) {
    }

    /**
     * A new, PENDING operation on the connector with MSK Connect's steps of its type; the ARN is
     * {@code ...:connector-operation/NAME/CONNECTOR-UUID/OPERATION-UUID}.
     *
     * @param targetCapacity      the new capacity, for UPDATE_WORKER_SETTING
     * @param targetWorkerCount   the new worker count of an autoscaled connector, for an autoscaling step
     * @param targetConfiguration the new connector configuration, for UPDATE_CONNECTOR_CONFIGURATION
     */
    public static ConnectorOperation open(Connector connector, String operationUuid, ConnectorOperationType type,
                                          Optional<ConnectorCapacity> targetCapacity,
                                          Optional<Integer> targetWorkerCount,
                                          Optional<Map<String, String>> targetConfiguration, Instant now) {
        return open(connector, operationUuid, type, targetCapacity, targetWorkerCount, targetConfiguration, false, now);
    }

    /** A new, PENDING pause, resume or restart of the connector. */
    public static ConnectorOperation control(Connector connector, String operationUuid, ConnectorOperationType type,
                                             boolean onlyFailedTasks, Instant now) {
        return open(connector, operationUuid, type, Optional.empty(), Optional.empty(), Optional.empty(),
                onlyFailedTasks, now);
    }

    private static ConnectorOperation open(Connector connector, String operationUuid, ConnectorOperationType type,
                                           Optional<ConnectorCapacity> targetCapacity,
                                           Optional<Integer> targetWorkerCount,
                                           Optional<Map<String, String>> targetConfiguration, boolean onlyFailedTasks,
                                           Instant now) {
        var steps = stepsOf(type).stream().map(step -> new Step(step.name(), "PENDING")).toList();
        String arn = connector.arn().replace(":connector/", ":connector-operation/") + "/" + operationUuid;
        return new ConnectorOperation(arn, connector.arn(), type, PENDING, steps, connector.spec().capacity(),
                targetCapacity, targetWorkerCount, connector.spec().connectorConfiguration(), targetConfiguration,
                Optional.empty(), now, Optional.empty(), onlyFailedTasks);
    }

    private static List<? extends io.streamplane.core.operation.Step<?>> stepsOf(ConnectorOperationType type) {
        return switch (type) {
            case UPDATE_WORKER_SETTING, UPDATE_CONNECTOR_CONFIGURATION -> ConnectorUpdatePlan.steps(type);
            case PAUSE_CONNECTOR, RESUME_CONNECTOR, RESTART_CONNECTOR -> ConnectorControlPlan.STEPS;
        };
    }

    @Override
    public boolean isFinished() {
        return state.equals(type.state(COMPLETE)) || state.equals(type.state(FAILED));
    }

    @Override
    public String typeName() {
        return type.name();
    }

    @Override
    public String subjectArn() {
        return connectorArn;
    }

    @Override
    public List<String> stepNames() {
        return steps.stream().map(Step::type).toList();
    }

    @Override
    public boolean isStepComplete(String stepName) {
        return steps.stream().anyMatch(s -> s.type().equals(stepName) && s.state().equals("COMPLETED"));
    }

    @Override
    public ConnectorOperation stepStarted(String stepName) {
        return withStep(stepName, "IN_PROGRESS");
    }

    @Override
    public ConnectorOperation stepCompleted(String stepName) {
        return withStep(stepName, "COMPLETED");
    }

    @Override
    public ConnectorOperation failed(Instant at, Optional<String> stepName, ErrorInfo why) {
        return failed(new StateDescription(why.errorCode(), why.errorString()), at);
    }

    /** The operation, in progress, with the named step in the given state. */
    public ConnectorOperation withStep(String stepType, String stepState) {
        var updated = steps.stream().map(s -> s.type().equals(stepType) ? new Step(stepType, stepState) : s).toList();
        return with(type.state(IN_PROGRESS), updated, errorInfo, endTime);
    }

    @Override
    public ConnectorOperation completed(Instant at) {
        return with(type.state(COMPLETE), steps, Optional.empty(), Optional.of(at));
    }

    public ConnectorOperation failed(StateDescription why, Instant at) {
        var updated = steps.stream().map(s -> s.state().equals("COMPLETED") ? s : new Step(s.type(),
                s.state().equals("IN_PROGRESS") ? "FAILED" : "CANCELLED")).toList();
        return with(type.state(FAILED), updated, Optional.of(why), Optional.of(at));
    }

    private ConnectorOperation with(String newState, List<Step> newSteps, Optional<StateDescription> newErrorInfo,
                                    Optional<Instant> newEndTime) {
        return new ConnectorOperation(arn, connectorArn, type, newState, newSteps, originCapacity, targetCapacity,
                targetWorkerCount, originConfiguration, targetConfiguration, newErrorInfo, creationTime, newEndTime,
                onlyFailedTasks);
    }
}
