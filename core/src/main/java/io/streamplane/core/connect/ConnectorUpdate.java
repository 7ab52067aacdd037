package io.streamplane.core.connect;

import java.util.Optional;
import java.util.UUID;

/**
 * Carries out one connector operation, step by step as MSK Connect shows them: the new capacity
 * (workers resized one at a time, then added or removed) or the new connector configuration,
 * then waits for Connect to run it. Every step can be run again: a server stopped in the middle
 * takes the operation up where the workers are.
 */
final class ConnectorUpdate {
    private static final String INITIALIZE = "INITIALIZE_UPDATE";
    private static final String VALIDATE = "VALIDATE_UPDATE";
    private static final String FINALIZE = "FINALIZE_UPDATE";
    private final ConnectorSupervisor supervisor;
    private Connector connector;
    private ConnectorOperation operation;

    ConnectorUpdate(ConnectorSupervisor supervisor, Connector connector, ConnectorOperation operation) {
        this.supervisor = supervisor;
        this.connector = connector;
        this.operation = operation;
    }

    /** Opens an operation that changes an autoscaled connector's worker count, and starts it. */
    static void scale(ConnectorSupervisor supervisor, Connector connector, int workerCount) {
        var store = supervisor.store();
        var operation = ConnectorOperation.open(connector, UUID.randomUUID().toString(),
                ConnectorOperation.UPDATE_WORKER_SETTING, Optional.of(connector.spec().capacity()),
                Optional.of(workerCount), Optional.empty(), supervisor.clock().instant());
        store.createConnectorOperation(operation);
        supervisor.amend(connector.arn(), c -> c.withState(ConnectorState.UPDATING, Optional.empty()));
        supervisor.update(connector.arn(), operation.arn());
    }

    void run() {
        try {
            step(INITIALIZE, () -> { });
            step(VALIDATE, () -> { });
            if (operation.type().equals(ConnectorOperation.UPDATE_WORKER_SETTING)) {
                step(ConnectorOperation.UPDATE_WORKER_SETTING, this::changeWorkers);
            } else {
                step(ConnectorOperation.UPDATE_CONNECTOR_CONFIGURATION, this::changeConfiguration);
            }
            step(FINALIZE, () -> { });
            var state = supervisor.settle(connector);
            var store = supervisor.store();
            var outcome = state == ConnectorState.RUNNING ? operation.completed(supervisor.clock().instant())
                    : operation.failed(supervisor.find(connector.arn()).flatMap(Connector::stateDescription)
                            .orElse(new StateDescription("CONNECTOR_FAILED", "The connector failed after the update")),
                            supervisor.clock().instant());
            store.updateConnectorOperation(outcome);
        } catch (RuntimeException e) {
            var why = new StateDescription("UPDATE_FAILED", e.getMessage());
            supervisor.store().updateConnectorOperation(operation.failed(why, supervisor.clock().instant()));
            supervisor.amend(connector.arn(), c -> c.withState(ConnectorState.FAILED, Optional.of(why)));
        }
    }

    private void changeWorkers() {
        var target = operation.targetCapacity().orElseThrow();
        boolean resized = target.mcuCount() != connector.spec().capacity().mcuCount();
        connector = supervisor.amend(connector.arn(), c -> c.withSpec(c.spec().withCapacity(target),
                c.currentVersion())).orElseThrow();
        if (resized) {
            connector = supervisor.restartWorkers(connector);
        }
        int count = operation.targetWorkerCount().orElseGet(() -> target.provisionedWorkerCount().orElseGet(() -> {
            var scaling = target.autoScaling().orElseThrow();
            return Math.max(scaling.minWorkerCount(), Math.min(scaling.maxWorkerCount(), connector.workers().size()));
        }));
        connector = supervisor.startConnector(connector, count);
    }

    private void changeConfiguration() {
        var configuration = operation.targetConfiguration().orElseThrow();
        connector = supervisor.amend(connector.arn(), c -> c.withSpec(
                c.spec().withConnectorConfiguration(configuration), c.currentVersion())).orElseThrow();
        supervisor.submitConfiguration(connector, supervisor.clock().instant().plus(supervisor.readinessTimeout()));
    }

    private void step(String type, Runnable work) {
        if (operation.steps().stream().anyMatch(s -> s.type().equals(type) && s.state().equals("COMPLETED"))) {
            return;
        }
        operation = operation.withStep(type, "IN_PROGRESS", ConnectorOperation.IN_PROGRESS);
        supervisor.store().updateConnectorOperation(operation);
        work.run();
        operation = operation.withStep(type, "COMPLETED", ConnectorOperation.IN_PROGRESS);
        supervisor.store().updateConnectorOperation(operation);
    }
}
