package io.streamplane.core.connect;

import io.streamplane.core.PeriodicTask;
import io.streamplane.core.objects.ObjectStorage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

/**
 * Every few seconds, for each settled connector: restarts workers that died (a paused connector's
 * come back paused: Connect keeps that in its configuration topic), follows what Connect reports
 * (RUNNING, PAUSED, or FAILED with the task's error), copies worker logs to S3 where log delivery
 * asks for it, and scales an autoscaled connector by its workers' CPU use. A connector other work
 * holds is looked at next time.
 */
final class ConnectorWatch implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectorWatch.class);
    /** The states no other work is bringing the connector out of. */
    private static final Set<ConnectorState> SETTLED = EnumSet.of(ConnectorState.RUNNING, ConnectorState.FAILED,
            ConnectorState.PAUSED);
    private final ConnectStore store;
    private final ConnectorRecords records;
    private final ConnectorLocks locks;
    private final ConnectorWorkerFleet fleet;
    private final ConnectorDeployment deployment;
    private final ConnectorAutoscaler autoscaler;
    private final WorkerLogDelivery logDelivery;
    private final ScalingOpener scaling;
    private final PeriodicTask task;

    /** Opens the operation that moves an autoscaled connector to a new number of workers. */
    @FunctionalInterface
    interface ScalingOpener {
        void scale(Connector connector, int workerCount);
    }

    ConnectorWatch(ConnectStore store, ConnectWorkers workers, ObjectStorage objects, ConnectorRecords records,
                   ConnectorLocks locks, ConnectorWorkerFleet fleet, ConnectorDeployment deployment,
                   ScalingOpener scaling, Clock clock, Duration interval, Duration cpuSampleInterval) {
        this.store = store;
        this.records = records;
        this.locks = locks;
        this.fleet = fleet;
        this.deployment = deployment;
        this.scaling = scaling;
        this.autoscaler = new ConnectorAutoscaler(workers, clock, cpuSampleInterval);
        this.logDelivery = new WorkerLogDelivery(workers, objects, clock, cpuSampleInterval);
        this.task = new PeriodicTask("connector-monitor", interval, this::checkAll);
    }

    void start() {
        task.start();
    }

    /** Drops what it keeps of a deleted connector. */
    void forget(String connectorArn) {
        autoscaler.forget(connectorArn);
        logDelivery.forget(connectorArn);
    }

    private void checkAll() {
        for (var connector : store.listConnectors()) {
            if (!SETTLED.contains(connector.state())) {
                continue;
            }
            try {
                locks.ifFree(connector.arn(), () -> check(connector));
            } catch (RuntimeException e) {
                LOG.warn("Checking connector {} failed", connector.name(), e);
            }
        }
    }

    private void check(Connector connector) {
        var current = connector;
        if (!fleet.allRunning(connector)) {
            LOG.warn("A worker of connector {} is not running; starting it again", connector.name());
            current = fleet.ensureWorkers(connector, connector.workers().size());
        }
        var status = deployment.statusNow(current);
        if (status.isEmpty()) {
            return;
        }
        var verdict = ConnectorHealth.of(status.get(), ConnectorDeployment.tasksMax(current));
        if (verdict.isPresent() && (verdict.get().state() != current.state()
                || !verdict.get().description().equals(current.stateDescription()))) {
            LOG.info("Connector {} is {}", connector.name(), verdict.get().state());
            current = records.amend(connector.arn(), c -> c.withState(verdict.get().state(),
                    verdict.get().description())).orElse(current);
        }
        logDelivery.deliver(current);
        if (current.state() == ConnectorState.RUNNING) {
            var running = current;
            autoscaler.targetWorkers(running).ifPresent(target -> {
                LOG.info("Connector {}: scaling from {} to {} workers", connector.name(), running.workers().size(),
                        target);
                scaling.scale(running, target);
            });
        }
    }

    @Override
    public void close() {
        task.close();
    }
}
