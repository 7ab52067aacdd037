package io.streamplane.store.jdbc;

import io.streamplane.core.cluster.Cluster;
import io.streamplane.core.cluster.ClusterNode;
import io.streamplane.core.cluster.ClusterStore;
import io.streamplane.core.node.NodeProcess;
import org.jdbi.v3.core.Jdbi;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The {@link ClusterStore} on JDBC: the clusters and cluster_nodes tables. */
final class JdbcClusterStore implements ClusterStore {
    private final Jdbi jdbi;

    JdbcClusterStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Optional<Cluster> findCluster(String clusterArn) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM clusters WHERE arn = :arn")
                .bind("arn", clusterArn).map(ClusterRows::cluster).findOne());
    }

    @Override
    public List<Cluster> listClusters() {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM clusters ORDER BY creation_time, name")
                .map(ClusterRows::cluster).list());
    }

    @Override
    public void updateCluster(Cluster cluster) {
        jdbi.useHandle(h -> ClusterRows.updateCluster(h, cluster));
    }

    @Override
    public List<ClusterNode> nodes(String clusterArn) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM cluster_nodes WHERE cluster_arn = :arn ORDER BY node_id")
                .bind("arn", clusterArn).map(ClusterRows::node).list());
    }

    @Override
    public void updateNode(ClusterNode node) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE cluster_nodes SET pid = :pid, process_started_at = :started "
                        + "WHERE cluster_arn = :arn AND node_id = :nodeId")
                .bind("pid", node.process().map(NodeProcess::pid).orElse(null))
                .bind("started", node.process().map(p -> p.startedAt().toEpochMilli()).orElse(null))
                .bind("arn", node.clusterArn())
                .bind("nodeId", node.nodeId())
                .execute());
    }

    @Override
    public void addNodes(List<ClusterNode> nodes) {
        jdbi.useTransaction(h -> {
            for (var node : nodes) {
                boolean exists = h.createQuery("SELECT COUNT(*) FROM cluster_nodes WHERE cluster_arn = :arn "
                                + "AND node_id = :nodeId")
                        .bind("arn", node.clusterArn()).bind("nodeId", node.nodeId()).mapTo(Integer.class).one() > 0;
                if (!exists) {
                    ClusterRows.insertNode(h, node);
                }
            }
        });
    }

    @Override
    public void removeNode(String clusterArn, int nodeId) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM cluster_nodes WHERE cluster_arn = :arn AND node_id = :nodeId")
                .bind("arn", clusterArn).bind("nodeId", nodeId).execute());
    }

    @Override
    public Set<Integer> networkSlotsInUse() {
        return jdbi.withHandle(h -> new HashSet<>(h.createQuery("SELECT network_slot FROM clusters")
                .mapTo(Integer.class).list()));
    }
}
