package io.streamplane.store.jdbc;

import io.streamplane.core.cluster.AvailabilityZone;
import io.streamplane.core.cluster.Cluster;
import io.streamplane.core.cluster.ClusterNode;
import io.streamplane.core.cluster.ClusterState;
import io.streamplane.core.cluster.StateInfo;
import io.streamplane.core.node.NodeProcess;
import io.streamplane.core.node.NodeRole;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** How clusters and their nodes map to rows, for the stores that write them. */
final class ClusterRows {
    private ClusterRows() {
    }

    static void insertCluster(Handle h, Cluster c) {
        h.createUpdate("INSERT INTO clusters (arn, name, uuid, state, state_code, state_message, creation_time, "
                        + "current_version, spec_json, active_operation_arn, network_slot, kafka_cluster_id) VALUES "
                        + "(:arn, :name, :uuid, :state, :stateCode, :stateMessage, :creationTime, :currentVersion, "
                        + ":spec, :activeOperation, :slot, :kafkaClusterId)")
                .bind("arn", c.arn())
                .bind("name", c.name())
                .bind("uuid", c.uuid())
                .bind("state", c.state().name())
                .bind("stateCode", c.stateInfo().map(StateInfo::code).orElse(null))
                .bind("stateMessage", c.stateInfo().map(StateInfo::message).orElse(null))
                .bind("creationTime", c.creationTime().toEpochMilli())
                .bind("currentVersion", c.currentVersion())
                .bind("spec", JsonColumns.write(c.spec()))
                .bind("activeOperation", c.activeOperationArn().orElse(null))
                .bind("slot", c.networkSlot())
                .bind("kafkaClusterId", c.kafkaClusterId())
                .execute();
    }

    static void updateCluster(Handle h, Cluster c) {
        h.createUpdate("UPDATE clusters SET state = :state, state_code = :stateCode, state_message = :stateMessage, "
                        + "current_version = :currentVersion, spec_json = :spec, "
                        + "active_operation_arn = :activeOperation WHERE arn = :arn")
                .bind("state", c.state().name())
                .bind("stateCode", c.stateInfo().map(StateInfo::code).orElse(null))
                .bind("stateMessage", c.stateInfo().map(StateInfo::message).orElse(null))
                .bind("currentVersion", c.currentVersion())
                .bind("spec", JsonColumns.write(c.spec()))
                .bind("activeOperation", c.activeOperationArn().orElse(null))
                .bind("arn", c.arn())
                .execute();
    }

    static void insertNode(Handle h, ClusterNode n) {
        h.createUpdate("INSERT INTO cluster_nodes (cluster_arn, node_id, role, zone_name, zone_id, subnet, host, port, "
                        + "added_time, pid, process_started_at) VALUES (:arn, :nodeId, :role, :zoneName, :zoneId, "
                        + ":subnet, :host, :port, :added, :pid, :started)")
                .bind("arn", n.clusterArn())
                .bind("nodeId", n.nodeId())
                .bind("role", n.role().name())
                .bind("zoneName", n.zone().name())
                .bind("zoneId", n.zone().id())
                .bind("subnet", n.zone().subnet())
                .bind("host", n.host())
                .bind("port", n.port())
                .bind("added", n.addedTime().toEpochMilli())
                .bind("pid", n.process().map(NodeProcess::pid).orElse(null))
                .bind("started", n.process().map(p -> p.startedAt().toEpochMilli()).orElse(null))
                .execute();
    }

    static Cluster cluster(ResultSet rs, StatementContext ctx) throws SQLException {
        String code = rs.getString("state_code");
        return new Cluster(
                rs.getString("arn"),
                rs.getString("name"),
                rs.getString("uuid"),
                ClusterState.valueOf(rs.getString("state")),
                code == null ? Optional.empty() : Optional.of(new StateInfo(code, rs.getString("state_message"))),
                Instant.ofEpochMilli(rs.getLong("creation_time")),
                rs.getString("current_version"),
                JsonColumns.spec(rs.getString("spec_json")),
                Optional.ofNullable(rs.getString("active_operation_arn")),
                rs.getInt("network_slot"),
                rs.getString("kafka_cluster_id"));
    }

    static ClusterNode node(ResultSet rs, StatementContext ctx) throws SQLException {
        long pid = rs.getLong("pid");
        Optional<NodeProcess> process = rs.wasNull() ? Optional.empty()
                : Optional.of(new NodeProcess(pid, Instant.ofEpochMilli(rs.getLong("process_started_at"))));
        return new ClusterNode(
                rs.getString("cluster_arn"),
                rs.getInt("node_id"),
                NodeRole.valueOf(rs.getString("role")),
                new AvailabilityZone(rs.getString("zone_name"), rs.getString("zone_id"), rs.getString("subnet")),
                rs.getString("host"),
                rs.getInt("port"),
                Instant.ofEpochMilli(rs.getLong("added_time")),
                process);
    }
}
