package io.streamplane.core.cluster;

import io.streamplane.core.port.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Brings clusters back after the control plane starts. Nodes still running from before (the
 * control plane crashed) are adopted; nodes of serving clusters that are down (the control plane
 * was stopped, which stops them) are started again. An ACTIVE cluster is HEALING until every broker
 * serves; a cluster in the middle of a change keeps its state, and its operation resumes after.
 */
public final class ClusterRecovery {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterRecovery.class);
    /** States in which a cluster's nodes should all be running. */
    private static final Set<ClusterState> SERVING = EnumSet.of(ClusterState.ACTIVE, ClusterState.HEALING,
            ClusterState.UPDATING, ClusterState.REBOOTING_BROKER);
    private final Store store;
    private final NodeFleet fleet;
    private final Duration readinessTimeout;

    public ClusterRecovery(Store store, NodeFleet fleet, Duration readinessTimeout) {
        this.store = store;
        this.fleet = fleet;
        this.readinessTimeout = readinessTimeout;
    }

    /** Adopts running nodes now; returns the clusters whose nodes must be restarted. */
    public List<Cluster> adoptRunningNodes() {
        var toRestart = new ArrayList<Cluster>();
        for (var cluster : store.listClusters()) {
            int running = fleet.adopt(cluster);
            int total = store.nodes(cluster.arn()).size();
            LOG.info("Cluster {}: adopted {} of {} nodes still running", cluster.name(), running, total);
            if (running == total || !SERVING.contains(cluster.state())) {
                continue;
            }
            if (cluster.state() == ClusterState.ACTIVE) {
                cluster = cluster.withState(ClusterState.HEALING, Optional.empty());
                store.updateCluster(cluster);
            }
            toRestart.add(cluster);
        }
        return toRestart;
    }

    /** Starts the cluster's missing nodes and waits for its brokers; then ACTIVE, or HEALING with why. */
    public void restart(Cluster cluster) {
        try {
            // The nodes were formatted when the cluster was created: only their files are rewritten.
            fleet.reconfigure(cluster);
            fleet.ensureAllRunning(cluster);
            fleet.awaitBrokersServing(cluster, readinessTimeout, () -> false);
            // A cluster that was being changed stays UPDATING: its operation resumes after this.
            store.findCluster(cluster.arn()).filter(c -> c.state() == ClusterState.HEALING).ifPresent(c ->
                    store.updateCluster(c.withState(ClusterState.ACTIVE, Optional.empty())));
            LOG.info("Cluster {} has all its nodes running again", cluster.name());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.error("Could not restart the nodes of cluster {}", cluster.name(), e);
            store.findCluster(cluster.arn()).ifPresent(c -> store.updateCluster(c.withState(ClusterState.HEALING,
                    Optional.of(new StateInfo("NODE_RESTART_FAILED", String.valueOf(e.getMessage()))))));
        }
    }

    /** Stops every node of every cluster: brokers first, so they leave the controllers cleanly. */
    public void stopAllNodes(Duration timeout) {
        var clusters = store.listClusters();
        clusters.parallelStream().forEach(c -> fleet.stop(c, NodeRole.BROKER, timeout));
        clusters.parallelStream().forEach(c -> fleet.stop(c, NodeRole.CONTROLLER, timeout));
    }
}
