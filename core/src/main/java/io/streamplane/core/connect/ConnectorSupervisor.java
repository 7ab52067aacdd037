package io.streamplane.core.connect;

import io.streamplane.core.PeriodicTask;
import io.streamplane.core.connect.ConnectWorkers.WorkerLaunchSpec;
import io.streamplane.core.objects.ObjectStorage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Does what connectors were asked to be, in the background: starts each connector's workers and
 * submits the connector to them, rolls updates in, removes deleted connectors, and every few
 * seconds follows what Connect reports (RUNNING, or FAILED with the task's error), restarts
 * workers that died, scales autoscaled connectors by their workers' CPU use, and copies worker
 * logs to S3 where log delivery asks for it. One action at a
 * time per connector; an action cut short by a stopped server is taken up again at the next start.
 */
public final class ConnectorSupervisor implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectorSupervisor.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration WORKER_STOP_TIMEOUT = Duration.ofSeconds(30);
    private final ConnectStore store;
    private final ConnectWorkers workers;
    private final ConnectPlugins plugins;
    private final WorkerConfigurationService workerConfigurations;
    private final Supplier<String> caCertificatePem;
    private final Clock clock;
    private final Duration readinessTimeout;
    private final Set<String> busy = ConcurrentHashMap.newKeySet();
    private final ConnectorAutoscaler autoscaler;
    private final WorkerLogDelivery logDelivery;
    private final ExecutorService actions = Executors.newCachedThreadPool(r -> {
        var thread = new Thread(r, "connector-action");
        thread.setDaemon(true);
        return thread;
    });
    private final PeriodicTask monitor;

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
        this.plugins = plugins;
        this.workerConfigurations = workerConfigurations;
        this.caCertificatePem = caCertificatePem;
        this.clock = clock;
        this.readinessTimeout = readinessTimeout;
        this.autoscaler = new ConnectorAutoscaler(workers, clock, cpuSampleInterval);
        this.logDelivery = new WorkerLogDelivery(workers, objects, clock, cpuSampleInterval);
        this.monitor = new PeriodicTask("connector-monitor", monitorInterval, this::checkAll);
    }

    /** Takes up what a stopped server left unfinished, then starts watching every connector. */
    public void start() {
        for (var connector : store.listConnectors()) {
            switch (connector.state()) {
                case CREATING -> provision(connector.arn());
                case DELETING -> remove(connector.arn());
                case UPDATING -> store.connectorOperations(connector.arn()).stream()
                        .filter(o -> !o.finished()).findFirst()
                        .ifPresentOrElse(o -> update(connector.arn(), o.arn()), () -> provision(connector.arn()));
                default -> { }
            }
        }
        monitor.start();
    }

    public void provision(String arn) {
        submit(arn, () -> {
            var connector = find(arn);
            if (connector.isPresent()) {
                settle(startConnector(connector.get(), connector.get().spec().capacity().initialWorkerCount()));
            }
        });
    }

    public void update(String arn, String operationArn) {
        submit(arn, () -> new ConnectorUpdate(this, find(arn).orElseThrow(),
                store.findConnectorOperation(operationArn).orElseThrow()).run());
    }

    public void remove(String arn) {
        submit(arn, () -> find(arn).ifPresent(connector -> {
            readyWorker(connector).ifPresent(w -> workers.deleteConnector(w, connector.name()));
            connector.workers().forEach(w -> workers.stop(w, WORKER_STOP_TIMEOUT));
            workers.deleteFiles(connector.uuid());
            store.deleteConnector(arn);
            autoscaler.forget(arn);
            logDelivery.forget(arn);
            LOG.info("Connector {} is deleted", connector.name());
        }));
    }

    /** Stops every worker of every connector; the next start brings them back. */
    public void stopAllWorkers() {
        for (var connector : store.listConnectors()) {
            connector.workers().forEach(w -> workers.stop(w, WORKER_STOP_TIMEOUT));
        }
    }

    private void submit(String arn, Runnable action) {
        actions.execute(() -> {
            if (!busy.add(arn)) {
                // Another action runs; this one goes once it is done.
                actions.execute(() -> retryLater(arn, action));
                return;
            }
            try {
                action.run();
            } catch (RuntimeException e) {
                LOG.error("Work on connector {} failed", arn, e);
                amend(arn, c -> c.withState(ConnectorState.FAILED, Optional.of(new StateDescription(
                        "INTERNAL_ERROR", e.getMessage()))));
            } finally {
                busy.remove(arn);
            }
        });
    }

    private void retryLater(String arn, Runnable action) {
        var deadline = clock.instant().plus(readinessTimeout.multipliedBy(2));
        while (busy.contains(arn) && clock.instant().isBefore(deadline)) {
            pause();
        }
        submit(arn, action);
    }

    /**
     * Makes the connector run on {@code workerCount} workers with its spec: the workers it lacks
     * started (and any beyond the count stopped), and the connector submitted to them. When fewer
     * workers also mean fewer tasks, Connect takes the fewer tasks first, while every worker still
     * runs: a rebalance for a departing worker would otherwise start tasks under a tasks.max lower
     * than the tasks the connector still has, and Connect fails those.
     */
    Connector startConnector(Connector connector, int workerCount) {
        var configuration = WorkerPlan.connectorConfiguration(connector.spec(), workerCount);
        var deadline = clock.instant().plus(readinessTimeout);
        boolean tasksFirst = WorkerPlan.tasksMax(configuration) < tasksMax(connector)
                && readyWorker(connector).isPresent();
        if (tasksFirst) {
            submitConfiguration(connector, configuration, deadline);
            awaitVerdict(connector, WorkerPlan.tasksMax(configuration), deadline);
        }
        var running = ensureWorkers(connector, workerCount);
        for (var worker : running.workers()) {
            awaitUntil(deadline, () -> workers.ready(worker) || !workers.isRunning(worker),
                    "worker " + worker.index() + " of " + connector.name() + " to serve its REST API");
            if (!workers.isRunning(worker)) {
                throw new IllegalStateException("Worker " + worker.index() + " exited while starting; see "
                        + workers.logDirectory(connector.uuid(), worker.index()));
            }
        }
        if (!tasksFirst) {
            submitConfiguration(running, configuration, deadline);
        }
        return running;
    }

    /** Starts the missing workers of the first {@code count}, stops the rest, and records which run. */
    Connector ensureWorkers(Connector connector, int count) {
        var kept = new ArrayList<ConnectWorker>();
        for (var worker : connector.workers()) {
            if (worker.index() >= count) {
                workers.stop(worker, WORKER_STOP_TIMEOUT);
            } else if (workers.isRunning(worker)) {
                kept.add(worker);
            }
        }
        var launch = launchSpecs(connector);
        for (int index = 0; index < count; index++) {
            int i = index;
            if (kept.stream().noneMatch(w -> w.index() == i)) {
                kept.add(workers.start(launch.apply(i)));
            }
        }
        kept.sort(Comparator.comparingInt(ConnectWorker::index));
        return amend(connector.arn(), c -> c.withWorkers(kept)).orElse(connector.withWorkers(kept));
    }

    /** Restarts every worker, one at a time, each back before the next goes: for a new worker size. */
    Connector restartWorkers(Connector connector) {
        var current = connector;
        var launch = launchSpecs(connector);
        for (var worker : connector.workers()) {
            workers.stop(worker, WORKER_STOP_TIMEOUT);
            var replacement = workers.start(launch.apply(worker.index()));
            var list = new ArrayList<>(current.workers().stream().filter(w -> w.index() != worker.index()).toList());
            list.add(replacement);
            list.sort(Comparator.comparingInt(ConnectWorker::index));
            current = amend(connector.arn(), c -> c.withWorkers(list)).orElse(current.withWorkers(list));
            var deadline = clock.instant().plus(readinessTimeout);
            awaitUntil(deadline, () -> workers.ready(replacement), "worker " + worker.index() + " of "
                    + connector.name() + " to serve again");
        }
        return current;
    }

    private IntFunction<WorkerLaunchSpec> launchSpecs(Connector connector) {
        var spec = connector.spec();
        Map<String, String> workerProperties = spec.workerConfigurationArn()
                .map(arn -> workerConfigurations.revision(arn, spec.workerConfigurationRevision().orElse(1L))
                        .properties())
                .orElse(Map.of());
        var properties = WorkerPlan.workerProperties(connector, workerProperties,
                Optional.of(caCertificatePem.get()));
        var pluginId = spec.pluginArn().substring(spec.pluginArn().lastIndexOf('/') + 1);
        return index -> new WorkerLaunchSpec(connector.uuid(), index, properties, spec.capacity().heapMegabytes(),
                spec.capacity().mcuCount(), plugins.location(pluginId));
    }

    /** Submits the connector's configuration for its current workers. */
    void submitConfiguration(Connector connector, Instant deadline) {
        submitConfiguration(connector, WorkerPlan.connectorConfiguration(connector.spec(), connector.workers().size()),
                deadline);
    }

    /** Submits a configuration; Connect refuses it while its workers rebalance, so try again. */
    private void submitConfiguration(Connector connector, Map<String, String> configuration, Instant deadline) {
        RuntimeException last = null;
        while (clock.instant().isBefore(deadline)) {
            var worker = readyWorker(connector);
            if (worker.isPresent()) {
                try {
                    workers.putConnectorConfig(worker.get(), connector.name(), configuration);
                    return;
                } catch (RuntimeException e) {
                    last = e;
                }
            }
            pause();
        }
        throw new IllegalStateException("Kafka Connect did not take the connector's configuration within "
                + readinessTimeout.toSeconds() + " s" + (last == null ? "" : ": " + last.getMessage()));
    }

    /** Waits until Connect says the connector runs or failed, and records it; the state it ends in. */
    ConnectorState settle(Connector connector) {
        var deadline = clock.instant().plus(readinessTimeout);
        var verdict = awaitVerdict(connector, tasksMax(connector), deadline);
        if (verdict.isPresent()) {
            amend(connector.arn(), c -> c.withState(verdict.get().state(), verdict.get().description()));
            LOG.info("Connector {} is {}", connector.name(), verdict.get().state());
            return verdict.get().state();
        }
        amend(connector.arn(), c -> c.withState(ConnectorState.FAILED, Optional.of(new StateDescription(
                "CONNECTOR_NOT_RUNNING", "The connector and its tasks did not run within "
                        + readinessTimeout.toSeconds() + " s; see the worker logs in "
                        + workers.logDirectory(connector.uuid(), 0)))));
        return ConnectorState.FAILED;
    }

    /** What Connect's status comes to by the deadline, if it comes to anything. */
    private Optional<ConnectorHealth.Verdict> awaitVerdict(Connector connector, int tasksMax, Instant deadline) {
        while (clock.instant().isBefore(deadline)) {
            var verdict = readyWorker(connector).flatMap(w -> workers.status(w, connector.name()))
                    .flatMap(status -> ConnectorHealth.of(status, tasksMax));
            if (verdict.isPresent()) {
                return verdict;
            }
            pause();
        }
        return Optional.empty();
    }

    private static int tasksMax(Connector connector) {
        return WorkerPlan.tasksMax(WorkerPlan.connectorConfiguration(connector.spec(), connector.workers().size()));
    }

    private void checkAll() {
        for (var connector : store.listConnectors()) {
            var settled = connector.state() == ConnectorState.RUNNING || connector.state() == ConnectorState.FAILED;
            if (!settled || !busy.add(connector.arn())) {
                continue;
            }
            try {
                check(connector);
            } catch (RuntimeException e) {
                LOG.warn("Checking connector {} failed", connector.name(), e);
            } finally {
                busy.remove(connector.arn());
            }
        }
    }

    /** Restarts dead workers, follows Connect's state, and scales an autoscaled connector. */
    private void check(Connector connector) {
        var current = connector;
        if (connector.workers().stream().anyMatch(w -> !workers.isRunning(w))) {
            LOG.warn("A worker of connector {} is not running; starting it again", connector.name());
            current = ensureWorkers(connector, connector.workers().size());
        }
        var status = readyWorker(current).flatMap(w -> workers.status(w, connector.name()));
        if (status.isEmpty()) {
            return;
        }
        var verdict = ConnectorHealth.of(status.get(), tasksMax(current));
        if (verdict.isPresent() && (verdict.get().state() != current.state()
                || !verdict.get().description().equals(current.stateDescription()))) {
            LOG.info("Connector {} is {}", connector.name(), verdict.get().state());
            current = amend(connector.arn(), c -> c.withState(verdict.get().state(), verdict.get().description()))
                    .orElse(current);
        }
        logDelivery.deliver(current);
        if (current.state() == ConnectorState.RUNNING) {
            autoscale(current);
        }
    }

    private void autoscale(Connector connector) {
        autoscaler.targetWorkers(connector).ifPresent(target -> {
            LOG.info("Connector {}: scaling from {} to {} workers", connector.name(), connector.workers().size(),
                    target);
            ConnectorUpdate.scale(this, connector, target);
        });
    }

    Optional<ConnectWorker> readyWorker(Connector connector) {
        return connector.workers().stream().filter(workers::isRunning).filter(workers::ready).findFirst();
    }

    /**
     * Changes the stored connector, read afresh, by {@code change}: every writer goes through here, so
     * none loses another's change, and a connector being deleted stays DELETING whatever else changes.
     */
    public synchronized Optional<Connector> amend(String arn, UnaryOperator<Connector> change) {
        var current = store.findConnector(arn);
        if (current.isEmpty()) {
            return Optional.empty();
        }
        var changed = change.apply(current.get());
        if (current.get().state() == ConnectorState.DELETING) {
            changed = changed.withState(ConnectorState.DELETING, current.get().stateDescription());
        }
        store.updateConnector(changed);
        return Optional.of(changed);
    }

    Optional<Connector> find(String arn) {
        return store.findConnector(arn);
    }

    ConnectStore store() {
        return store;
    }

    Clock clock() {
        return clock;
    }

    Duration readinessTimeout() {
        return readinessTimeout;
    }

    private void awaitUntil(Instant deadline, Supplier<Boolean> condition, String what) {
        while (!condition.get()) {
            if (!clock.instant().isBefore(deadline)) {
                throw new IllegalStateException("Timed out after " + readinessTimeout.toSeconds() + " s waiting for "
                        + what);
            }
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    @Override
    public void close() {
        monitor.close();
        actions.shutdownNow();
    }
}
