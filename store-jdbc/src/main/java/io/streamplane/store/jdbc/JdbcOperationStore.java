package io.streamplane.store.jdbc;

import io.streamplane.core.cluster.Cluster;
import io.streamplane.core.cluster.ClusterNode;
import io.streamplane.core.error.Conflict;
import io.streamplane.core.operation.ClusterOperation;
import io.streamplane.core.operation.ClusterOutcome;
import io.streamplane.core.operation.ErrorInfo;
import io.streamplane.core.operation.OperationState;
import io.streamplane.core.operation.OperationStore;
import io.streamplane.core.operation.OperationType;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@link OperationStore} on JDBC: cluster_operations, and the cluster rows an operation opens or
 * closes in the same transaction.
 */
final class JdbcOperationStore implements OperationStore {
    private final Jdbi jdbi;

    JdbcOperationStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void createCluster(Cluster cluster, List<ClusterNode> nodes, Map<String, String> tags,
                              ClusterOperation operation) {
        try {
            jdbi.useTransaction(h -> {
                boolean taken = h.createQuery("SELECT COUNT(*) FROM clusters WHERE name = :name")
                        .bind("name", cluster.name()).mapTo(Integer.class).one() > 0;
                if (taken) {
                    throw new Conflict("A cluster named " + cluster.name() + " already exists");
                }
                ClusterRows.insertCluster(h, cluster);
                nodes.forEach(n -> ClusterRows.insertNode(h, n));
                JdbcTagStore.insertTags(h, cluster.arn(), tags);
                insertOperation(h, operation);
            });
        } catch (org.jdbi.v3.core.statement.UnableToExecuteStatementException e) {
            if (JdbcStore.isUniqueViolation(e)) {
                throw new Conflict("A cluster named " + cluster.name() + " already exists");
            }
            throw e;
        }
    }

    @Override
    public void startOperation(Cluster cluster, ClusterOperation operation) {
        jdbi.useTransaction(h -> {
            ClusterRows.updateCluster(h, cluster);
            insertOperation(h, operation);
        });
    }

    private static void deleteCluster(Handle h, String clusterArn) {
        h.createUpdate("DELETE FROM cluster_nodes WHERE cluster_arn = :arn").bind("arn", clusterArn).execute();
        h.createUpdate("DELETE FROM cluster_scram_secrets WHERE cluster_arn = :arn").bind("arn", clusterArn)
                .execute();
        h.createUpdate("DELETE FROM resource_tags WHERE resource_arn = :arn").bind("arn", clusterArn).execute();
        h.createUpdate("DELETE FROM clusters WHERE arn = :arn").bind("arn", clusterArn).execute();
    }

    @Override
    public void updateOperation(ClusterOperation operation) {
        jdbi.useHandle(h -> updateOperation(h, operation));
    }

    @Override
    public void endOperation(ClusterOperation operation, ClusterOutcome outcome) {
        jdbi.useTransaction(h -> {
            updateOperation(h, operation);
            if (outcome.isRemoval()) {
                deleteCluster(h, operation.clusterArn());
            }
            outcome.cluster().ifPresent(cluster -> ClusterRows.updateCluster(h, cluster));
        });
    }

    private static void updateOperation(Handle h, ClusterOperation operation) {
        h.createUpdate("UPDATE cluster_operations SET state = :state, steps_json = :steps, "
                        + "end_time = :endTime, error_code = :errorCode, error_string = :errorString WHERE arn = :arn")
                .bind("state", operation.state().name())
                .bind("steps", JsonColumns.write(operation.steps()))
                .bind("endTime", operation.endTime().map(Instant::toEpochMilli).orElse(null))
                .bind("errorCode", operation.errorInfo().map(ErrorInfo::errorCode).orElse(null))
                .bind("errorString", operation.errorInfo().map(ErrorInfo::errorString).orElse(null))
                .bind("arn", operation.arn())
                .execute();
    }

    @Override
    public Optional<ClusterOperation> findOperation(String operationArn) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM cluster_operations WHERE arn = :arn")
                .bind("arn", operationArn).map(JdbcOperationStore::operation).findOne());
    }

    @Override
    public List<ClusterOperation> operations(String clusterArn) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT * FROM cluster_operations WHERE cluster_arn = :arn ORDER BY creation_time DESC, arn")
                .bind("arn", clusterArn).map(JdbcOperationStore::operation).list());
    }

    @Override
    public List<ClusterOperation> unfinishedOperations() {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT * FROM cluster_operations WHERE state IN ('PENDING', 'UPDATE_IN_PROGRESS') "
                                + "ORDER BY creation_time")
                .map(JdbcOperationStore::operation).list());
    }

    private static void insertOperation(Handle h, ClusterOperation o) {
        h.createUpdate("INSERT INTO cluster_operations (arn, cluster_arn, type, state, steps_json, creation_time, "
                        + "end_time, error_code, error_string, source_spec_json, target_spec_json) VALUES (:arn, "
                        + ":clusterArn, :type, :state, :steps, :creationTime, :endTime, :errorCode, :errorString, "
                        + ":source, :target)")
                .bind("arn", o.arn())
                .bind("clusterArn", o.clusterArn())
                .bind("type", o.type().name())
                .bind("state", o.state().name())
                .bind("steps", JsonColumns.write(o.steps()))
                .bind("creationTime", o.creationTime().toEpochMilli())
                .bind("endTime", o.endTime().map(Instant::toEpochMilli).orElse(null))
                .bind("errorCode", o.errorInfo().map(ErrorInfo::errorCode).orElse(null))
                .bind("errorString", o.errorInfo().map(ErrorInfo::errorString).orElse(null))
                .bind("source", o.sourceSpec().map(JsonColumns::write).orElse(null))
                .bind("target", o.targetSpec().map(JsonColumns::write).orElse(null))
                .execute();
    }

    static ClusterOperation operation(ResultSet rs, StatementContext ctx) throws SQLException {
        long end = rs.getLong("end_time");
        Optional<Instant> endTime = rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(end));
        String errorCode = rs.getString("error_code");
        return new ClusterOperation(
                rs.getString("arn"),
                rs.getString("cluster_arn"),
                OperationType.valueOf(rs.getString("type")),
                OperationState.valueOf(rs.getString("state")),
                JsonColumns.steps(rs.getString("steps_json")),
                Instant.ofEpochMilli(rs.getLong("creation_time")),
                endTime,
                errorCode == null ? Optional.empty() : Optional.of(new ErrorInfo(errorCode, rs.getString("error_string"))),
                JsonColumns.optionalSpec(rs.getString("source_spec_json")),
                JsonColumns.optionalSpec(rs.getString("target_spec_json")));
    }
}
