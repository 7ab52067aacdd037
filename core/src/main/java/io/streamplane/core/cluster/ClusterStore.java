package io.streamplane.core.cluster;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where clusters and their nodes are kept. A cluster is created and deleted together with the
 * operation that does it, through {@code OperationStore}; here it is read and changed.
 */
public interface ClusterStore {

    Optional<Cluster> findCluster(String clusterArn);

    /** All clusters, oldest first. */
    List<Cluster> listClusters();

    void updateCluster(Cluster cluster);

    List<ClusterNode> nodes(String clusterArn);

    void updateNode(ClusterNode node);

    /** Adds nodes to an existing cluster; nodes it already has are left as they are. */
    void addNodes(List<ClusterNode> nodes);

    /** Forgets one node of the cluster; a node it does not have is fine. */
    void removeNode(String clusterArn, int nodeId);

    Set<Integer> networkSlotsInUse();
}
