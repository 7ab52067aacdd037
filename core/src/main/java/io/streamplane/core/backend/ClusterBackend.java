package io.streamplane.core.backend;

import io.streamplane.core.cluster.Cluster;
import io.streamplane.core.cluster.ClusterNode;
import io.streamplane.core.health.StorageUsage;
import io.streamplane.core.kafka.InternalBootstrap;
import io.streamplane.core.operation.ClusterOperation;
import io.streamplane.core.operation.ClusterOutcome;
import io.streamplane.core.operation.OperationEngine;
import io.streamplane.core.operation.OperationLauncher;
import io.streamplane.core.operation.PlanCatalog;
import io.streamplane.core.placement.PlannedNode;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * What runs the clusters' Kafka: the port a runtime implements. The control plane decides what a
 * cluster should be (the services' rules), records it with an operation and answers; the backend
 * decides how each operation is carried out and keeps the clusters running.
 *
 * <p>The local backend ({@code LocalClusterBackend}) drives single nodes on this machine: rolling
 * restarts, healing, rebalancing. A Kubernetes backend hands a whole desired cluster to the Strimzi
 * operator and maps its status: its plans write resources and wait on their conditions, its steps
 * are its own, and its watch reports what the operator heals.
 */
public interface ClusterBackend {

    /** The nodes of a new cluster, placed as {@code planned}, with the addresses clients will use. */
    Placement place(String clusterArn, List<PlannedNode> planned, Set<Integer> slotsInUse, Instant now);

    /** The steps of each change a user asks for, as this backend carries it out. */
    ChangeSteps steps();

    /** The plan of every operation type. */
    PlanCatalog<ClusterOperation, ClusterOutcome> plans();

    /** Where the control plane reaches a cluster's brokers as its internal super user. */
    InternalBootstrap adminBootstrap(Cluster cluster);

    /** How full each broker's volume is. */
    StorageUsage storage();

    /**
     * Takes over the clusters at start-up (what still runs, what was stopped), has the engine
     * resume unfinished operations once their clusters can take them, and watches the clusters
     * from then on, opening operations through {@code launcher} where they need one.
     */
    void start(OperationEngine<ClusterOperation, ClusterOutcome> engine, OperationLauncher launcher);

    /** Stops watching. */
    void stopWatching();

    /** Stops every cluster's Kafka, for a graceful stop; the next start brings them back. */
    void stopAllClusters();

    /**
     * Where a new cluster's nodes are.
     *
     * @param networkSlot the block of addresses the nodes have, kept with the cluster
     */
    record Placement(int networkSlot, List<ClusterNode> nodes) {
        public Placement {
            nodes = List.copyOf(nodes);
        }
    }
}
