package io.streamplane.core.connect;

import io.streamplane.core.objects.ObjectStorage;
import io.streamplane.core.operation.OperationEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * Does what connectors were asked to be, in the background, through parts of one job each: the
 * worker fleet ({@link ConnectorWorkerFleet}), the deployment onto Connect
 * ({@link ConnectorDeployment}), updates as operations on the operation engine
 * ({@link ConnectorUpdatePlan}) and the periodic watch ({@link ConnectorWatch}). Here: creation and
 * deletion, opening operations, and taking up at start what a stopped server left unfinished.
 */
public final class ConnectorSupervisor implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectorSupervisor.class);
    private static final Duration STRAY_STOP_TIMEOUT = Duration.ofSeconds(10);
    private final ConnectStore store;
    private final ConnectWorkers workers;
    private final ConnectorRecords records;
    private final ConnectorLocks locks = new ConnectorLocks();
    private final ConnectorWorkerFleet fleet;
    private final ConnectorDeployment deployment;
    private final OperationEngine<ConnectorOperation, UnaryOperator<Connector>> engine;
    private final ConnectorWatch watch;
    private final Clock clock;
    private volatile boolean closing;
    private final ExecutorService actions = Executors.newCachedThreadPool(r -> {
        var thread = new Thread(r, "connector-action");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * @param readinessTimeout  how long workers and the connector may take to start
     * @param monitorInterval   how often every connector is checked
     * @param cpuSampleInterval how often workers' CPU use is sampled for autoscaling
     */
    public ConnectorSupervisor(ConnectStore store, ConnectWorkers workers, ConnectPlugins plugins,
                               WorkerConfigurationService workerConfigurations, ObjectStorage objects,
                               Supplier<String> caCertificatePem,
                               Clock clock, Duration readinessTimeout, Duration monitorInterval,
                               Duration cpuSampleInterval) {
        this.store = store;
        this.workers = workers;
        this.clock = clock;
        this.records = new ConnectorRecords(store);
        var waits = new ConnectorWaits(clock, readinessTimeout);
        this.fleet = new ConnectorWorkerFleet(workers, plugins, workerConfigurations, caCertificatePem, records, waits);
        this.deployment = new ConnectorDeployment(workers, fleet, records, waits);
        var updates = new ConnectorUpdatePlan(records, locks, fleet, deployment);
        var controls = new ConnectorControlPlan(records, locks, deployment);
        this.engine = new OperationEngine<>("connector-operation", new ConnectorOperationJournal(store, records),
                operation -> switch (operation.type()) {
                    case UPDATE_WORKER_SETTING, UPDATE_CONNECTOR_CONFIGURATION -> updates;
                    case PAUSE_CONNECTOR, RESUME_CONNECTOR, RESTART_CONNECTOR -> controls;
                }, clock);
        this.watch = new ConnectorWatch(store, workers, objects, records, locks, fleet, deployment, this::scale, clock,
                monitorInterval, cpuSampleInterval);
    }

    /**
     * Takes up what a stopped server left unfinished, then starts watching every connector. Worker
     * processes no connector records (a server killed after starting them and before recording
     * them) are stopped first; the connector's own work starts what it lacks.
     */
    public void start() {
        var connectors = store.listConnectors();
        int strays = workers.stopWorkersOtherThan(connectors.stream()
                .collect(Collectors.toMap(Connector::uuid, Connector::workers)), STRAY_STOP_TIMEOUT);
        if (strays > 0) {
            LOG.info("Stopped {} Connect worker processes that no connector records", strays);
        }
        for (var connector : connectors) {
            switch (connector.state()) {
                case CREATING -> provision(connector.arn());
                case DELETING -> remove(connector.arn());
                case UPDATING, PAUSING, RESUMING, RESTARTING -> store.connectorOperations(connector.arn()).stream()
                        .filter(o -> !o.isFinished()).findFirst()
                        .ifPresentOrElse(o -> engine.submit(o.arn()), () -> provision(connector.arn()));
                default -> { }
            }
        }
        watch.start();
    }

    public void provision(String arn) {
        act(arn, () -> records.find(arn).ifPresent(connector -> deployment.settle(deployment.start(connector,
                connector.spec().capacity().initialWorkerCount()))));
    }

    /**
     * Records the operation, puts the connector in the state of its type (UPDATING, PAUSING, ...;
     * changed by {@code change} too, such as a new version), and hands the operation to the engine.
     */
    public void startOperation(ConnectorOperation operation, UnaryOperator<Connector> change) {
        store.createConnectorOperation(operation);
        records.amend(operation.connectorArn(), c -> change.apply(c).withState(operation.type().connectorState(),
                Optional.empty()));
        engine.submit(operation.arn());
    }

    /** Opens an operation that changes an autoscaled connector's worker count; its version stays. */
    private void scale(Connector connector, int workerCount) {
        startOperation(ConnectorOperation.open(connector, UUID.randomUUID().toString(),
                ConnectorOperationType.UPDATE_WORKER_SETTING, Optional.of(connector.spec().capacity()),
                Optional.of(workerCount), Optional.empty(), clock.instant()), c -> c);
    }

    public void remove(String arn) {
        act(arn, () -> records.find(arn).ifPresent(connector -> {
            deployment.withdraw(connector);
            fleet.stopAll(connector);
            workers.deleteFiles(connector.uuid());
            store.deleteConnector(arn);
            watch.forget(arn);
            locks.forget(arn);
            LOG.info("Connector {} is deleted", connector.name());
        }));
    }

    /**
     * Stops every worker of every connector, and any worker process a stop cut short before it was
     * recorded; the next start brings them back.
     */
    public void stopAllWorkers() {
        store.listConnectors().forEach(fleet::stopAll);
        workers.stopWorkersOtherThan(Map.of(), STRAY_STOP_TIMEOUT);
    }

    /**
     * Runs work on the connector in the background, after any other work on it; a failure makes it
     * FAILED, unless the server is stopping: then the connector keeps its state (CREATING, DELETING)
     * for the next start to take the work up.
     */
    private void act(String arn, Runnable work) {
        actions.execute(() -> {
            try {
                locks.exclusively(arn, work);
            } catch (RuntimeException e) {
                if (closing || Thread.currentThread().isInterrupted()) {
                    LOG.info("Work on connector {} stopped with the server; it resumes at the next start", arn);
                    return;
                }
                LOG.error("Work on connector {} failed", arn, e);
                records.amend(arn, c -> c.withState(ConnectorState.FAILED, Optional.of(new StateDescription(
                        "INTERNAL_ERROR", e.getMessage()))));
            }
        });
    }

    /** Changes the stored connector through the one writer of connectors (see {@link ConnectorRecords}). */
    public Optional<Connector> amend(String arn, UnaryOperator<Connector> change) {
        return records.amend(arn, change);
    }

    @Override
    public void close() {
        closing = true;
        watch.close();
        engine.close();
        actions.shutdownNow();
        try {
            if (!actions.awaitTermination(30, TimeUnit.SECONDS)) {
                LOG.warn("Work on connectors still running after 30 s of shutdown");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
