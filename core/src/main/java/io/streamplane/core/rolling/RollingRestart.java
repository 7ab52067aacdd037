package io.streamplane.core.rolling;

import io.streamplane.core.Poll;
import io.streamplane.core.cluster.Cluster;
import io.streamplane.core.cluster.NodeFleet;
import io.streamplane.core.kafka.ClusterAdmin;
import io.streamplane.core.kafka.KafkaClusterProbe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Restarts nodes one at a time without losing availability. A broker is stopped only when no
 * partition would fall below min.insync.replicas without it, and the next one waits until it is back
 * and every partition is fully replicated again. Controllers go one at a time, the active one last.
 */
public final class RollingRestart {
    private static final Logger LOG = LoggerFactory.getLogger(RollingRestart.class);
    private static final Duration POLL = Duration.ofMillis(250);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);
    private final NodeFleet fleet;
    private final KafkaClusterProbe probe;
    private final Duration safetyTimeout;
    private final Duration catchUpTimeout;

    public RollingRestart(NodeFleet fleet, KafkaClusterProbe probe, Duration safetyTimeout, Duration catchUpTimeout) {
        this.fleet = fleet;
        this.probe = probe;
        this.safetyTimeout = safetyTimeout;
        this.catchUpTimeout = catchUpTimeout;
    }

    public void restartBroker(Cluster cluster, int brokerId) throws Exception {
        // Every broker serves between two restarts of a roll. One that does not is down for good when
        // its process exited, as all do when a server restarted in the middle of a change starts them on
        // a configuration they cannot run: that fails the change now, restoring the previous one, where
        // waiting for the restart to be safe would only run out the safety timeout.
        fleet.awaitBrokersServing(cluster, catchUpTimeout, () -> false);
        try (var admin = probe.connect(fleet.bootstrapServers(cluster))) {
            var lastReason = new AtomicReference<String>("");
            try {
                Poll.until("broker " + brokerId + " to be safe to stop", safetyTimeout, POLL, () -> {
                    Optional<String> why = whyUnsafe(admin, brokerId);
                    why.ifPresent(lastReason::set);
                    return why.isEmpty();
                });
            } catch (TimeoutException e) {
                throw new IllegalStateException("Broker " + brokerId + " could not be restarted safely within "
                        + safetyTimeout.toSeconds() + " s: " + lastReason.get(), e);
            }
            fleet.restart(cluster, brokerId, STOP_TIMEOUT);
            fleet.awaitBrokersServing(cluster, catchUpTimeout, () -> false);
            admin.awaitFullyReplicated("after broker " + brokerId + " restarted", catchUpTimeout);
        }
        LOG.info("Broker {} of cluster {} restarted and caught up", brokerId, cluster.name());
    }

    public void restartControllers(Cluster cluster) throws Exception {
        try (var admin = probe.connect(fleet.bootstrapServers(cluster))) {
            List<Integer> order = RollOrder.controllers(fleet.controllerIds(cluster), admin.activeController());
            for (int controllerId : order) {
                fleet.restart(cluster, controllerId, STOP_TIMEOUT);
                // Taken once the old process is gone: only the new one can have caught up since.
                long restartedAt = System.currentTimeMillis();
                admin.awaitControllerCaughtUp(controllerId, restartedAt, catchUpTimeout,
                        () -> !fleet.isRunning(cluster, controllerId));
                fleet.requireRunning(cluster, controllerId);
                LOG.info("Controller {} of cluster {} restarted and caught up", controllerId, cluster.name());
            }
        }
    }

    private static Optional<String> whyUnsafe(ClusterAdmin admin, int brokerId) {
        try {
            return RollingRestartSafety.whyUnsafeToStop(brokerId, admin.partitionStates());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted");
        } catch (Exception e) {
            return Optional.of("the cluster's partitions could not be read: " + e.getMessage());
        }
    }
}
