package io.streamplane.core.connect;

import io.streamplane.core.connect.ConnectWorkers.WorkerLaunchSpec;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * A connector's worker JVMs: starts the ones it lacks, stops the ones beyond its count, restarts
 * them one by one for a new size, and records which run, so a restarted server adopts them.
 */
final class ConnectorWorkerFleet {
    private static final Duration WORKER_STOP_TIMEOUT = Duration.ofSeconds(30);
    private final ConnectWorkers workers;
    private final ConnectPlugins plugins;
    private final WorkerConfigurationService workerConfigurations;
    private final Supplier<String> caCertificatePem;
    private final ConnectorRecords records;
    private final ConnectorWaits waits;

    ConnectorWorkerFleet(ConnectWorkers workers, ConnectPlugins plugins,
                         WorkerConfigurationService workerConfigurations, Supplier<String> caCertificatePem,
                         ConnectorRecords records, ConnectorWaits waits) {
        this.workers = workers;
        this.plugins = plugins;
        this.workerConfigurations = workerConfigurations;
        this.caCertificatePem = caCertificatePem;
        this.records = records;
        this.waits = waits;
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
        return records.amend(connector.arn(), c -> c.withWorkers(kept)).orElse(connector.withWorkers(kept));
    }

    /** Waits until every worker serves its REST API; a worker that exits meanwhile fails, naming its logs. */
    void awaitServing(Connector connector, Instant deadline) {
        for (var worker : connector.workers()) {
            waits.until(deadline, () -> workers.ready(worker) || !workers.isRunning(worker),
                    "worker " + worker.index() + " of " + connector.name() + " to serve its REST API");
            if (!workers.isRunning(worker)) {
                throw new IllegalStateException("Worker " + worker.index() + " exited while starting; see "
                        + workers.logDirectory(connector.uuid(), worker.index()));
            }
        }
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
            current = records.amend(connector.arn(), c -> c.withWorkers(list)).orElse(current.withWorkers(list));
            waits.until(waits.deadline(), () -> workers.ready(replacement), "worker " + worker.index() + " of "
                    + connector.name() + " to serve again");
        }
        return current;
    }

    /** Stops every worker of the connector; its record keeps them, for the next start to bring back. */
    void stopAll(Connector connector) {
        connector.workers().forEach(w -> workers.stop(w, WORKER_STOP_TIMEOUT));
    }

    /** A worker that runs and serves its REST API, if any does. */
    Optional<ConnectWorker> readyWorker(Connector connector) {
        return connector.workers().stream().filter(workers::isRunning).filter(workers::ready).findFirst();
    }

    boolean allRunning(Connector connector) {
        return connector.workers().stream().allMatch(workers::isRunning);
    }

    /** Where worker {@code index} logs, for messages that send the user there. */
    String logDirectory(Connector connector, int index) {
        return workers.logDirectory(connector.uuid(), index);
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
}
