package io.streamplane.core.connect;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Puts a connector onto its Kafka Connect workers and follows what Connect makes of it: submits its
 * configuration over Connect's REST API and waits for Connect's verdict (RUNNING, or FAILED with the
 * task's error).
 */
final class ConnectorDeployment {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectorDeployment.class);
    private final ConnectWorkers workers;
    private final ConnectorWorkerFleet fleet;
    private final ConnectorRecords records;
    private final ConnectorWaits waits;

    ConnectorDeployment(ConnectWorkers workers, ConnectorWorkerFleet fleet, ConnectorRecords records,
                        ConnectorWaits waits) {
        this.workers = workers;
        this.fleet = fleet;
        this.records = records;
        this.waits = waits;
    }

    /**
     * Makes the connector run on {@code workerCount} workers with its spec: the workers it lacks
     * started (and any beyond the count stopped), and the connector submitted to them. When fewer
     * workers also mean fewer tasks, Connect takes the fewer tasks first, while every worker still
     * runs: a rebalance for a departing worker would otherwise start tasks under a tasks.max lower
     * than the tasks the connector still has, and Connect fails those.
     */
    Connector start(Connector connector, int workerCount) {
        var configuration = WorkerPlan.connectorConfiguration(connector.spec(), workerCount);
        var deadline = waits.deadline();
        boolean tasksFirst = WorkerPlan.tasksMax(configuration) < tasksMax(connector)
                && fleet.readyWorker(connector).isPresent();
        if (tasksFirst) {
            submit(connector, configuration, deadline);
            awaitVerdict(connector, WorkerPlan.tasksMax(configuration), deadline);
        }
        var running = fleet.ensureWorkers(connector, workerCount);
        fleet.awaitServing(running, deadline);
        if (!tasksFirst) {
            submit(running, configuration, deadline);
        }
        return running;
    }

    /** Submits the connector's configuration for its current workers. */
    void submitConfiguration(Connector connector) {
        submit(connector, WorkerPlan.connectorConfiguration(connector.spec(), connector.workers().size()),
                waits.deadline());
    }

    /** Submits a configuration; Connect refuses it while its workers rebalance, so try again. */
    private void submit(Connector connector, Map<String, String> configuration, Instant deadline) {
        onAReadyWorker(connector, deadline, "the connector's configuration",
                worker -> workers.putConnectorConfig(worker, connector.name(), configuration));
    }

    /** Asks Connect to pause, resume or restart the connector, trying again while its workers rebalance. */
    void control(Connector connector, ConnectWorkers.ConnectorControl control) {
        onAReadyWorker(connector, waits.deadline(), "the " + control + " request",
                worker -> workers.control(worker, connector.name(), control));
    }

    private void onAReadyWorker(Connector connector, Instant deadline, String what, Consumer<ConnectWorker> request) {
        RuntimeException last = null;
        while (waits.before(deadline)) {
            var worker = fleet.readyWorker(connector);
            if (worker.isPresent()) {
                try {
                    request.accept(worker.get());
                    return;
                } catch (RuntimeException e) {
                    last = e;
                }
            }
            waits.pause();
        }
        throw new IllegalStateException("Kafka Connect did not take " + what + " within "
                + waits.readinessTimeout().toSeconds() + " s" + (last == null ? "" : ": " + last.getMessage()));
    }

    /**
     * Waits until Connect's status comes to {@code expected} (PAUSED, or RUNNING): empty then, else
     * why it did not. A verdict on the way (the failed task a restart is to bring back) is not the
     * end of the wait; the last one is the reason given when the wait runs out.
     */
    Optional<StateDescription> awaitState(Connector connector, ConnectorState expected) {
        var lastSeen = awaitVerdict(connector, tasksMax(connector), waits.deadline(), v -> v.state() == expected);
        if (lastSeen.filter(v -> v.state() == expected).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(lastSeen.flatMap(ConnectorHealth.Verdict::description).orElseGet(() -> new StateDescription(
                "CONNECTOR_NOT_" + expected, "The connector did not come to " + expected + " within "
                + waits.readinessTimeout().toSeconds() + " s" + lastSeen.map(v -> " (it is " + v.state() + ")")
                .orElse("") + "; see the worker logs in " + fleet.logDirectory(connector, 0))));
    }

    /** Waits until Connect says the connector runs or failed, and records it; the state it ends in. */
    ConnectorState settle(Connector connector) {
        var verdict = verdict(connector);
        records.amend(connector.arn(), c -> c.withState(verdict.state(), verdict.description()));
        return verdict.state();
    }

    /** Waits until Connect says the connector runs or failed: FAILED too when it says neither in time. */
    ConnectorHealth.Verdict verdict(Connector connector) {
        var verdict = awaitVerdict(connector, tasksMax(connector), waits.deadline())
                .orElseGet(() -> new ConnectorHealth.Verdict(ConnectorState.FAILED, Optional.of(new StateDescription(
                        "CONNECTOR_NOT_RUNNING", "The connector and its tasks did not run within "
                        + waits.readinessTimeout().toSeconds() + " s; see the worker logs in "
                        + fleet.logDirectory(connector, 0)))));
        LOG.info("Connector {} is {}", connector.name(), verdict.state());
        return verdict;
    }

    /** What Connect reports of the connector now, if a worker answers. */
    Optional<ConnectWorkers.ConnectorStatus> statusNow(Connector connector) {
        return fleet.readyWorker(connector).flatMap(w -> workers.status(w, connector.name()));
    }

    /** What Connect's status comes to by the deadline, if it comes to anything. */
    private Optional<ConnectorHealth.Verdict> awaitVerdict(Connector connector, int tasksMax, Instant deadline) {
        return awaitVerdict(connector, tasksMax, deadline, verdict -> true);
    }

    /** Waits for a verdict that {@code ends} the wait; the last verdict seen when none does by the deadline. */
    private Optional<ConnectorHealth.Verdict> awaitVerdict(Connector connector, int tasksMax, Instant deadline,
                                                           Predicate<ConnectorHealth.Verdict> ends) {
        Optional<ConnectorHealth.Verdict> last = Optional.empty();
        while (waits.before(deadline)) {
            var verdict = statusNow(connector).flatMap(status -> ConnectorHealth.of(status, tasksMax));
            if (verdict.isPresent()) {
                last = verdict;
                if (ends.test(verdict.get())) {
                    return last;
                }
            }
            waits.pause();
        }
        return last;
    }

    /** Removes the connector from Connect, if a worker still answers. */
    void withdraw(Connector connector) {
        fleet.readyWorker(connector).ifPresent(w -> workers.deleteConnector(w, connector.name()));
    }

    /** The tasks.max the connector runs with on its current workers. */
    static int tasksMax(Connector connector) {
        return WorkerPlan.tasksMax(WorkerPlan.connectorConfiguration(connector.spec(), connector.workers().size()));
    }
}
