package io.streamplane.core.connect;

import io.streamplane.core.connect.ConnectWorkers.ConnectorControl;
import io.streamplane.core.operation.ErrorInfo;
import io.streamplane.core.operation.OperationPlan;
import io.streamplane.core.operation.Step;
import io.streamplane.core.operation.StepAction;
import io.streamplane.core.operation.StepKind;

import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Pauses, resumes or restarts a connector through Kafka Connect: the request to Connect, then the
 * wait for Connect to report the connector and every task PAUSED (a pause) or RUNNING (a resume or
 * a restart). Both steps can be run again: Connect takes a repeated request as the first.
 */
final class ConnectorControlPlan implements OperationPlan<ConnectorControlPlan.Kind, ConnectorOperation,
        UnaryOperator<Connector>> {
    /** MSK Connect names no steps of their own for these operations; they take an update's first and last. */
    enum Kind implements StepKind {
        INITIALIZE_UPDATE, FINALIZE_UPDATE
    }

    static final List<Step<Kind>> STEPS = List.of(Step.of(Kind.INITIALIZE_UPDATE), Step.of(Kind.FINALIZE_UPDATE));

    private final ConnectorRecords records;
    private final ConnectorLocks locks;
    private final ConnectorDeployment deployment;

    ConnectorControlPlan(ConnectorRecords records, ConnectorLocks locks, ConnectorDeployment deployment) {
        this.records = records;
        this.locks = locks;
        this.deployment = deployment;
    }

    @Override
    public Class<Kind> stepKinds() {
        return Kind.class;
    }

    @Override
    public StepAction action(Step<Kind> step, ConnectorOperation operation) {
        String arn = operation.connectorArn();
        return switch (step.kind()) {
            case INITIALIZE_UPDATE -> () -> locks.exclusively(arn, () -> deployment.control(connector(operation),
                    control(operation)));
            case FINALIZE_UPDATE -> () -> locks.exclusively(arn, () -> deployment.awaitState(connector(operation),
                    settled(operation.type())).ifPresent(why -> {
                        throw new ConnectorNotSettled(why);
                    }));
        };
    }

    private static ConnectorControl control(ConnectorOperation operation) {
        return switch (operation.type()) {
            case PAUSE_CONNECTOR -> ConnectorControl.PAUSE;
            case RESUME_CONNECTOR -> ConnectorControl.RESUME;
            case RESTART_CONNECTOR -> operation.onlyFailedTasks() ? ConnectorControl.RESTART_FAILED_TASKS
                    : ConnectorControl.RESTART;
            case UPDATE_WORKER_SETTING, UPDATE_CONNECTOR_CONFIGURATION -> throw new IllegalArgumentException(
                    operation.type() + " is an update; ConnectorUpdatePlan runs it");
        };
    }

    /** What the connector is once the operation is done: PAUSED after a pause, RUNNING after the others. */
    private static ConnectorState settled(ConnectorOperationType type) {
        return type == ConnectorOperationType.PAUSE_CONNECTOR ? ConnectorState.PAUSED : ConnectorState.RUNNING;
    }

    @Override
    public UnaryOperator<Connector> completed(ConnectorOperation operation) {
        return c -> c.withState(settled(operation.type()), Optional.empty());
    }

    /** A connector that did not come to the state asked for is FAILED, with Connect's reason where it gave one. */
    @Override
    public UnaryOperator<Connector> failed(ConnectorOperation operation, Exception cause) {
        return ConnectorNotSettled.failedWith(failure(cause));
    }

    @Override
    public ErrorInfo failure(Exception cause) {
        return ConnectorNotSettled.errorInfo(cause);
    }

    private Connector connector(ConnectorOperation operation) {
        return records.find(operation.connectorArn()).orElseThrow(() -> new IllegalStateException(
                "The connector was deleted while the operation ran"));
    }
}
