package io.streamplane.core.port;

import io.streamplane.core.cluster.Cluster;
import io.streamplane.core.cluster.ClusterNode;
import io.streamplane.core.configuration.Configuration;
import io.streamplane.core.configuration.ConfigurationRevision;
import io.streamplane.core.operation.ClusterOperation;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where the control plane keeps its state. Methods that change more than one thing do so in one
 * transaction, so a crash never leaves a cluster without the operation that explains it.
 */
public interface Store {

    /** Inserts a new cluster with its nodes, tags and creating operation; Conflict if the name is taken. */
    void createCluster(Cluster cluster, List<ClusterNode> nodes, Map<String, String> tags, ClusterOperation operation);

    Optional<Cluster> findCluster(String clusterArn);

    /** All clusters, oldest first. */
    List<Cluster> listClusters();

    void updateCluster(Cluster cluster);

    /** Updates the cluster and inserts the operation that will act on it, atomically. */
    void startOperation(Cluster cluster, ClusterOperation operation);

    /** Removes the cluster, its nodes and its tags; its operations stay readable. */
    void deleteCluster(String clusterArn);

    List<ClusterNode> nodes(String clusterArn);

    void updateNode(ClusterNode node);

    /** Adds nodes to an existing cluster; nodes it already has are left as they are. */
    void addNodes(List<ClusterNode> nodes);

    /** Forgets one node of the cluster; a node it does not have is fine. */
    void removeNode(String clusterArn, int nodeId);

    void updateOperation(ClusterOperation operation);

    Optional<ClusterOperation> findOperation(String operationArn);

    /** The cluster's operations, newest first. */
    List<ClusterOperation> operations(String clusterArn);

    List<ClusterOperation> unfinishedOperations();

    Map<String, String> tags(String resourceArn);

    void putTags(String resourceArn, Map<String, String> tags);

    void removeTags(String resourceArn, Collection<String> keys);

    Set<Integer> networkSlotsInUse();

    /** Inserts a configuration with its first revision; Conflict if the name is taken. */
    void createConfiguration(Configuration configuration);

    Optional<Configuration> findConfiguration(String configurationArn);

    /** All configurations, oldest first. */
    List<Configuration> listConfigurations();

    /** Adds the next revision and makes it the latest, atomically. */
    void addConfigurationRevision(String configurationArn, ConfigurationRevision revision);

    Optional<ConfigurationRevision> findConfigurationRevision(String configurationArn, long revision);

    /** The configuration's revisions, newest first. */
    List<ConfigurationRevision> configurationRevisions(String configurationArn);

    /** Removes the configuration with all its revisions and tags. */
    void deleteConfiguration(String configurationArn);
}
