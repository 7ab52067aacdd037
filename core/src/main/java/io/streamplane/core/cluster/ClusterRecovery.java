package io.streamplane.core.cluster;

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
 * serves; a cluster in the middle of a change keeps its state, and its operation resumes after. A
 * FAILED cluster's nodes are stopped.
 */
public final class ClusterRecovery {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterRecovery.class);
    /** States of a change in progress, which can only go on once every node runs again. */
    private static final Set<ClusterState> CHANGING = EnumSet.of(ClusterState.UPDATING, ClusterState.REBOOTING_BROKER);
    private static final Duration FAILED_STOP_TIMEOUT = Duration.ofSeconds(20);
    private final ClusterStore store;
    private final NodeFleet fleet;
    private final Duration readinessTimeout;

    public ClusterRecovery(ClusterStore store, NodeFleet fleet, Duration readinessTimeout) {
        this.store = store;
        this.fleet = fleet;
        this.readinessTimeout = readinessTimeout;
    }

    /**
     * Adopts running nodes now. A settled cluster with nodes missing becomes HEALING, for the health
     * monitor to heal; returns the clusters in the middle of a change, whose nodes must be started
     * again before their operation resumes.
     */
    public List<Cluster> adoptRunningNodes() {
        var toRestart = new ArrayList<Cluster>();
        for (var cluster : store.listClusters()) {
            int running = fleet.adopt(cluster);
            int total = store.nodes(cluster.arn()).size();
            LOG.info("Cluster {}: adopted {} of {} nodes still running", cluster.name(), running, total);
            if (cluster.state() == ClusterState.FAILED && running > 0) {
                // Nothing serves a failed cluster; a crash came between recording it and stopping them.
                LOG.info("Cluster {} FAILED: stopping its {} nodes still running", cluster.name(), running);
                fleet.stopBrokers(cluster, FAILED_STOP_TIMEOUT);
                fleet.stopQuorum(cluster, FAILED_STOP_TIMEOUT);
                continue;
            }
            if (running == total) {
                continue;
            }
            if (cluster.state() == ClusterState.ACTIVE) {
                store.updateCluster(cluster.withState(ClusterState.HEALING, Optional.empty()));
            } else if (CHANGING.contains(cluster.state())) {
                toRestart.add(cluster);
            }
        }
        return toRestart;
    }

    /** Starts the missing nodes of a cluster in the middle of a change and waits for its brokers. */
    public void restart(Cluster cluster) {
        try {
            // The nodes were formatted when the cluster was created: only their files are rewritten.
            fleet.reconfigure(cluster);
            fleet.ensureAllRunning(cluster);
            fleet.awaitBrokersServing(cluster, readinessTimeout, () -> false);
            LOG.info("Cluster {} has all its nodes running again", cluster.name());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // The resumed operation meets the same trouble and fails with it, restoring the cluster.
            LOG.error("Could not restart the nodes of cluster {}", cluster.name(), e);
        }
    }

    /** Stops every node of every cluster: brokers first, so they leave the metadata quorum cleanly. */
    public void stopAllNodes(Duration timeout) {
        var clusters = store.listClusters();
        clusters.parallelStream().forEach(c -> fleet.stopBrokers(c, timeout));
        clusters.parallelStream().forEach(c -> fleet.stopQuorum(c, timeout));
    }
}
