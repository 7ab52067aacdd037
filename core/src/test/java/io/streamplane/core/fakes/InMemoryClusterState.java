package io.streamplane.core.fakes;

import io.streamplane.core.cluster.Cluster;
import io.streamplane.core.cluster.ClusterNode;
import io.streamplane.core.cluster.ClusterStore;
import io.streamplane.core.error.Conflict;
import io.streamplane.core.operation.ClusterOperation;
import io.streamplane.core.operation.ClusterOutcome;
import io.streamplane.core.operation.OperationStore;
import io.streamplane.core.tag.TagStore;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Test fake: the cluster, operation and tag stores in memory, with the JDBC stores' rules (a taken
 * name is a Conflict, a deleted cluster takes its nodes and tags along, operations stay), so that
 * service rules are tested without a database.
 */
public final class InMemoryClusterState implements ClusterStore, OperationStore, TagStore {
    private final Map<String, Cluster> clusters = new LinkedHashMap<>();
    private final Map<String, List<ClusterNode>> nodes = new LinkedHashMap<>();
    private final Map<String, ClusterOperation> operations = new LinkedHashMap<>();
    private final List<String> endings = new ArrayList<>();
    private final Map<String, Map<String, String>> tags = new LinkedHashMap<>();

    @Override
    public synchronized void createCluster(Cluster cluster, List<ClusterNode> clusterNodes, Map<String, String> clusterTags,
                                           ClusterOperation operation) {
        if (clusters.values().stream().anyMatch(c -> c.name().equals(cluster.name()))) {
            throw new Conflict("A cluster named " + cluster.name() + " already exists");
        }
        clusters.put(cluster.arn(), cluster);
        nodes.put(cluster.arn(), new ArrayList<>(clusterNodes));
        putTags(cluster.arn(), clusterTags);
        operations.put(operation.arn(), operation);
    }

    /** Puts a cluster in place as it would be after its creation, without one. */
    public synchronized void putCluster(Cluster cluster) {
        clusters.put(cluster.arn(), cluster);
        nodes.putIfAbsent(cluster.arn(), new ArrayList<>());
    }

    @Override
    public synchronized Optional<Cluster> findCluster(String clusterArn) {
        return Optional.ofNullable(clusters.get(clusterArn));
    }

    @Override
    public synchronized List<Cluster> listClusters() {
        return List.copyOf(clusters.values());
    }

    @Override
    public synchronized void updateCluster(Cluster cluster) {
        clusters.replace(cluster.arn(), cluster);
    }

    @Override
    public synchronized void startOperation(Cluster cluster, ClusterOperation operation) {
        updateCluster(cluster);
        operations.put(operation.arn(), operation);
    }

    /** The operations ended through {@link #endOperation}, in order. */
    public synchronized List<String> endings() {
        return List.copyOf(endings);
    }

    @Override
    public synchronized void endOperation(ClusterOperation operation, ClusterOutcome outcome) {
        endings.add(operation.arn());
        updateOperation(operation);
        if (outcome.isRemoval()) {
            clusters.remove(operation.clusterArn());
            nodes.remove(operation.clusterArn());
            tags.remove(operation.clusterArn());
        }
        outcome.cluster().ifPresent(this::updateCluster);
    }

    @Override
    public synchronized List<ClusterNode> nodes(String clusterArn) {
        return nodes.getOrDefault(clusterArn, List.of()).stream().sorted(Comparator.comparingInt(ClusterNode::nodeId))
                .toList();
    }

    @Override
    public synchronized void updateNode(ClusterNode node) {
        nodes.computeIfPresent(node.clusterArn(), (arn, list) -> new ArrayList<>(list.stream()
                .map(n -> n.nodeId() == node.nodeId() ? node : n).toList()));
    }

    @Override
    public synchronized void addNodes(List<ClusterNode> added) {
        for (var node : added) {
            var list = nodes.computeIfAbsent(node.clusterArn(), arn -> new ArrayList<>());
            if (list.stream().noneMatch(n -> n.nodeId() == node.nodeId())) {
                list.add(node);
            }
        }
    }

    @Override
    public synchronized void removeNode(String clusterArn, int nodeId) {
        nodes.getOrDefault(clusterArn, new ArrayList<>()).removeIf(n -> n.nodeId() == nodeId);
    }

    @Override
    public synchronized Set<Integer> networkSlotsInUse() {
        var slots = new HashSet<Integer>();
        clusters.values().forEach(c -> slots.add(c.networkSlot()));
        return slots;
    }

    /** Records an operation of no cluster in particular, for tests of the engine alone. */
    public synchronized void putOperation(ClusterOperation operation) {
        operations.put(operation.arn(), operation);
    }

    @Override
    public synchronized void updateOperation(ClusterOperation operation) {
        operations.replace(operation.arn(), operation);
    }

    @Override
    public synchronized Optional<ClusterOperation> findOperation(String operationArn) {
        return Optional.ofNullable(operations.get(operationArn));
    }

    @Override
    public synchronized List<ClusterOperation> operations(String clusterArn) {
        return operations.values().stream().filter(o -> o.clusterArn().equals(clusterArn))
                .sorted(Comparator.comparing(ClusterOperation::creationTime).reversed()).toList();
    }

    @Override
    public synchronized List<ClusterOperation> unfinishedOperations() {
        return operations.values().stream().filter(o -> !o.state().isFinished()).toList();
    }

    @Override
    public synchronized Map<String, String> tags(String resourceArn) {
        return new TreeMap<>(tags.getOrDefault(resourceArn, Map.of()));
    }

    @Override
    public synchronized void putTags(String resourceArn, Map<String, String> added) {
        tags.computeIfAbsent(resourceArn, arn -> new LinkedHashMap<>()).putAll(added);
    }

    @Override
    public synchronized void removeTags(String resourceArn, Collection<String> keys) {
        tags.getOrDefault(resourceArn, new LinkedHashMap<>()).keySet().removeAll(keys);
    }
}
