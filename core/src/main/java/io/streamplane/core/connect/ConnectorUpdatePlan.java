package io.streamplane.core.connect;

import io.streamplane.core.operation.ErrorInfo;
import io.streamplane.core.operation.OperationPlan;
import io.streamplane.core.operation.Step;
import io.streamplane.core.operation.StepAction;
import io.streamplane.core.operation.StepKind;

import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Carries out a connector operation, step by step as MSK Connect shows them: the new capacity
 * (workers resized one at a time, then added or removed) or the new connector configuration, and
 * then waits for Connect to run it. Every step can be run again: a server stopped in the middle
 * takes the operation up where the workers are.
 */
final class ConnectorUpdatePlan implements OperationPlan<ConnectorUpdatePlan.Kind, ConnectorOperation,
        UnaryOperator<Connector>> {
    /** MSK Connect's steps of an update. */
    enum Kind implements StepKind {
        INITIALIZE_UPDATE, VALIDATE_UPDATE, UPDATE_WORKER_SETTING, UPDATE_CONNECTOR_CONFIGURATION, FINALIZE_UPDATE;
    }

    private final ConnectorRecords records;
    private final ConnectorLocks locks;
    private final ConnectorWorkerFleet fleet;
    private final ConnectorDeployment deployment;

    ConnectorUpdatePlan(ConnectorRecords records, ConnectorLocks locks, ConnectorWorkerFleet fleet,
                        ConnectorDeployment deployment) {
        this.records = records;
        this.locks = locks;
        this.fleet = fleet;
        this.deployment = deployment;
    }

    /** The steps of an operation of the type. */
    static List<Step<Kind>> steps(ConnectorOperationType type) {
        var change = switch (type) {
            case UPDATE_WORKER_SETTING -> Kind.UPDATE_WORKER_SETTING;
            case UPDATE_CONNECTOR_CONFIGURATION -> Kind.UPDATE_CONNECTOR_CONFIGURATION;
            case PAUSE_CONNECTOR, RESUME_CONNECTOR, RESTART_CONNECTOR -> throw new IllegalArgumentException(
                    type + " is no update; ConnectorControlPlan runs it");
        };
        return List.of(Step.of(Kind.INITIALIZE_UPDATE), Step.of(Kind.VALIDATE_UPDATE), Step.of(change),
                Step.of(Kind.FINALIZE_UPDATE));
    }

    @Override
    public Class<Kind> stepKinds() {
        return Kind.class;
    }

    @Override
    public StepAction action(Step<Kind> step, ConnectorOperation operation) {
        String arn = operation.connectorArn();
        return switch (step.kind()) {
            case INITIALIZE_UPDATE, VALIDATE_UPDATE, FINALIZE_UPDATE -> () -> { };
            case UPDATE_WORKER_SETTING -> () -> locks.exclusively(arn, () -> changeWorkers(operation));
            case UPDATE_CONNECTOR_CONFIGURATION -> () -> locks.exclusively(arn, () -> changeConfiguration(operation));
        };
    }

    private void changeWorkers(ConnectorOperation operation) {
        var connector = connector(operation);
        var target = operation.targetCapacity().orElseThrow();
        boolean resized = target.mcuCount() != connector.spec().capacity().mcuCount();
        connector = records.amend(connector.arn(), c -> c.withSpec(c.spec().withCapacity(target),
                c.currentVersion())).orElseThrow();
        if (resized) {
            connector = fleet.restartWorkers(connector);
        }
        int current = connector.workers().size();
        int count = operation.targetWorkerCount().orElseGet(() -> target.provisionedWorkerCount().orElseGet(() -> {
            var scaling = target.autoScaling().orElseThrow();
            return Math.max(scaling.minWorkerCount(), Math.min(scaling.maxWorkerCount(), current));
        }));
        deployment.start(connector, count);
    }

    private void changeConfiguration(ConnectorOperation operation) {
        var configuration = operation.targetConfiguration().orElseThrow();
        var connector = records.amend(operation.connectorArn(), c -> c.withSpec(
                c.spec().withConnectorConfiguration(configuration), c.currentVersion())).orElseThrow();
        deployment.submitConfiguration(connector);
    }

    /** The operation is complete once Connect runs the connector as changed. */
    @Override
    public void finish(ConnectorOperation operation) {
        locks.exclusively(operation.connectorArn(), () -> {
            var verdict = deployment.verdict(connector(operation));
            if (verdict.state() != ConnectorState.RUNNING) {
                throw new ConnectorNotSettled(verdict.description().orElse(
                        new StateDescription("CONNECTOR_FAILED", "The connector failed after the update")));
            }
        });
    }

    @Override
    public UnaryOperator<Connector> completed(ConnectorOperation operation) {
        return c -> c.withState(ConnectorState.RUNNING, Optional.empty());
    }

    /** A connector Connect did not run is FAILED with Connect's reason; any other failure with the step's. */
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
                "The connector was deleted while it was being updated"));
    }
}
