package io.streamplane.store.jdbc;

import io.streamplane.core.cluster.AvailabilityZone;
import io.streamplane.core.cluster.Cluster;
import io.streamplane.core.cluster.ClusterNode;
import io.streamplane.core.cluster.ClusterState;
import io.streamplane.core.cluster.NodeProcess;
import io.streamplane.core.cluster.NodeRole;
import io.streamplane.core.cluster.StateInfo;
import io.streamplane.core.configuration.Configuration;
import io.streamplane.core.configuration.ConfigurationRevision;
import io.streamplane.core.configuration.ConfigurationState;
import io.streamplane.core.error.Conflict;
import io.streamplane.core.operation.ClusterOperation;
import io.streamplane.core.operation.ErrorInfo;
import io.streamplane.core.operation.OperationState;
import io.streamplane.core.operation.OperationType;
import io.streamplane.core.port.Store;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The {@link Store} on JDBC: an embedded H2 file database by default, PostgreSQL by URL. */
public final class JdbcStore implements Store, AutoCloseable {
    private final Jdbi jdbi;
    private final String jdbcUrl;
    private final String user;
    private final String password;

    private JdbcStore(String jdbcUrl, String user, String password) {
        this.jdbi = Jdbi.create(jdbcUrl, user, password);
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
    }

    /** Connects and brings the schema up to date with the Flyway migrations. */
    public static JdbcStore open(String jdbcUrl, String user, String password) {
        Flyway.configure().dataSource(jdbcUrl, user, password).locations("classpath:db/migration").load().migrate();
        return new JdbcStore(jdbcUrl, user, password);
    }

    /** The secrets kept in the same database. */
    public JdbcSecretStore secrets() {
        return new JdbcSecretStore(jdbi);
    }

    /** MSK Connect's resources, kept in the same database. */
    public JdbcConnectStore connect() {
        return new JdbcConnectStore(jdbi);
    }

    /** The Private CA authorities kept in the same database. */
    public JdbcCertificateAuthorityStore certificateAuthorities() {
        return new JdbcCertificateAuthorityStore(jdbi);
    }

    /** The default database: an H2 file under the data directory, kept open while the server runs. */
    public static String h2Url(java.nio.file.Path dataDir) {
        // WRITE_DELAY=0: H2 otherwise writes commits out up to a second later, and a killed server
        // would forget changes it had already confirmed (an operation it accepted, a node it started).
        return "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("streamplane") + ";DB_CLOSE_DELAY=-1;WRITE_DELAY=0";
    }

    /** Closes the embedded database, which otherwise stays open for the life of the JVM. */
    @Override
    public void close() {
        if (!jdbcUrl.startsWith("jdbc:h2:")) {
            return;
        }
        try (var connection = DriverManager.getConnection(jdbcUrl, user, password);
             var statement = connection.createStatement()) {
            statement.execute("SHUTDOWN");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot close the embedded database " + jdbcUrl, e);
        }
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
                insertCluster(h, cluster);
                nodes.forEach(n -> insertNode(h, n));
                insertTags(h, cluster.arn(), tags);
                insertOperation(h, operation);
            });
        } catch (org.jdbi.v3.core.statement.UnableToExecuteStatementException e) {
            if (isUniqueViolation(e)) {
                throw new Conflict("A cluster named " + cluster.name() + " already exists");
            }
            throw e;
        }
    }

    @Override
    public Optional<Cluster> findCluster(String clusterArn) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM clusters WHERE arn = :arn")
                .bind("arn", clusterArn).map(JdbcStore::cluster).findOne());
    }

    @Override
    public List<Cluster> listClusters() {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM clusters ORDER BY creation_time, name")
                .map(JdbcStore::cluster).list());
    }

    @Override
    public void updateCluster(Cluster cluster) {
        jdbi.useHandle(h -> updateCluster(h, cluster));
    }

    @Override
    public void startOperation(Cluster cluster, ClusterOperation operation) {
        jdbi.useTransaction(h -> {
            updateCluster(h, cluster);
            insertOperation(h, operation);
        });
    }

    @Override
    public void deleteCluster(String clusterArn) {
        jdbi.useTransaction(h -> {
            h.createUpdate("DELETE FROM cluster_nodes WHERE cluster_arn = :arn").bind("arn", clusterArn).execute();
            h.createUpdate("DELETE FROM cluster_scram_secrets WHERE cluster_arn = :arn").bind("arn", clusterArn)
                    .execute();
            h.createUpdate("DELETE FROM resource_tags WHERE resource_arn = :arn").bind("arn", clusterArn).execute();
            h.createUpdate("DELETE FROM clusters WHERE arn = :arn").bind("arn", clusterArn).execute();
        });
    }

    @Override
    public List<ClusterNode> nodes(String clusterArn) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM cluster_nodes WHERE cluster_arn = :arn ORDER BY node_id")
                .bind("arn", clusterArn).map(JdbcStore::node).list());
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
                    insertNode(h, node);
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
    public void updateOperation(ClusterOperation operation) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE cluster_operations SET state = :state, steps_json = :steps, "
                        + "end_time = :endTime, error_code = :errorCode, error_string = :errorString WHERE arn = :arn")
                .bind("state", operation.state().name())
                .bind("steps", JsonColumns.write(operation.steps()))
                .bind("endTime", operation.endTime().map(Instant::toEpochMilli).orElse(null))
                .bind("errorCode", operation.errorInfo().map(ErrorInfo::errorCode).orElse(null))
                .bind("errorString", operation.errorInfo().map(ErrorInfo::errorString).orElse(null))
                .bind("arn", operation.arn())
                .execute());
    }

    @Override
    public Optional<ClusterOperation> findOperation(String operationArn) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM cluster_operations WHERE arn = :arn")
                .bind("arn", operationArn).map(JdbcStore::operation).findOne());
    }

    @Override
    public List<ClusterOperation> operations(String clusterArn) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT * FROM cluster_operations WHERE cluster_arn = :arn ORDER BY creation_time DESC, arn")
                .bind("arn", clusterArn).map(JdbcStore::operation).list());
    }

    @Override
    public List<ClusterOperation> unfinishedOperations() {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT * FROM cluster_operations WHERE state IN ('PENDING', 'UPDATE_IN_PROGRESS') "
                                + "ORDER BY creation_time")
                .map(JdbcStore::operation).list());
    }

    @Override
    public Map<String, String> tags(String resourceArn) {
        return jdbi.withHandle(h -> {
            var tags = new LinkedHashMap<String, String>();
            h.createQuery("SELECT tag_key, tag_value FROM resource_tags WHERE resource_arn = :arn ORDER BY tag_key")
                    .bind("arn", resourceArn)
                    .map((rs, ctx) -> Map.entry(rs.getString("tag_key"), rs.getString("tag_value")))
                    .forEach(e -> tags.put(e.getKey(), e.getValue()));
            return tags;
        });
    }

    @Override
    public void putTags(String resourceArn, Map<String, String> tags) {
        jdbi.useTransaction(h -> {
            for (var key : tags.keySet()) {
                h.createUpdate("DELETE FROM resource_tags WHERE resource_arn = :arn AND tag_key = :key")
                        .bind("arn", resourceArn).bind("key", key).execute();
            }
            insertTags(h, resourceArn, tags);
        });
    }

    @Override
    public void removeTags(String resourceArn, Collection<String> keys) {
        jdbi.useTransaction(h -> {
            for (var key : keys) {
                h.createUpdate("DELETE FROM resource_tags WHERE resource_arn = :arn AND tag_key = :key")
                        .bind("arn", resourceArn).bind("key", key).execute();
            }
        });
    }

    @Override
    public Set<Integer> networkSlotsInUse() {
        return jdbi.withHandle(h -> new HashSet<>(h.createQuery("SELECT network_slot FROM clusters")
                .mapTo(Integer.class).list()));
    }

    @Override
    public void createConfiguration(Configuration configuration) {
        try {
            jdbi.useTransaction(h -> {
                h.createUpdate("INSERT INTO configurations (arn, name, description, kafka_versions_json, "
                                + "creation_time, state, latest_revision) VALUES (:arn, :name, :description, "
                                + ":versions, :creationTime, :state, :latest)")
                        .bind("arn", configuration.arn())
                        .bind("name", configuration.name())
                        .bind("description", configuration.description())
                        .bind("versions", JsonColumns.write(configuration.kafkaVersions()))
                        .bind("creationTime", configuration.creationTime().toEpochMilli())
                        .bind("state", configuration.state().name())
                        .bind("latest", configuration.latestRevision().revision())
                        .execute();
                insertRevision(h, configuration.arn(), configuration.latestRevision());
            });
        } catch (org.jdbi.v3.core.statement.UnableToExecuteStatementException e) {
            if (isUniqueViolation(e)) {
                throw new Conflict("A configuration named " + configuration.name() + " already exists");
            }
            throw e;
        }
    }

    @Override
    public Optional<Configuration> findConfiguration(String configurationArn) {
        return jdbi.withHandle(h -> h.createQuery(CONFIGURATION_QUERY + " WHERE c.arn = :arn")
                .bind("arn", configurationArn).map(JdbcStore::configuration).findOne());
    }

    @Override
    public List<Configuration> listConfigurations() {
        return jdbi.withHandle(h -> h.createQuery(CONFIGURATION_QUERY + " ORDER BY c.creation_time, c.name")
                .map(JdbcStore::configuration).list());
    }

    @Override
    public void addConfigurationRevision(String configurationArn, ConfigurationRevision revision) {
        jdbi.useTransaction(h -> {
            insertRevision(h, configurationArn, revision);
            h.createUpdate("UPDATE configurations SET latest_revision = :revision WHERE arn = :arn")
                    .bind("revision", revision.revision()).bind("arn", configurationArn).execute();
        });
    }

    @Override
    public Optional<ConfigurationRevision> findConfigurationRevision(String configurationArn, long revision) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM configuration_revisions "
                        + "WHERE configuration_arn = :arn AND revision = :revision")
                .bind("arn", configurationArn).bind("revision", revision).map(JdbcStore::revision).findOne());
    }

    @Override
    public List<ConfigurationRevision> configurationRevisions(String configurationArn) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM configuration_revisions "
                        + "WHERE configuration_arn = :arn ORDER BY revision DESC")
                .bind("arn", configurationArn).map(JdbcStore::revision).list());
    }

    @Override
    public void deleteConfiguration(String configurationArn) {
        jdbi.useTransaction(h -> {
            h.createUpdate("DELETE FROM configuration_revisions WHERE configuration_arn = :arn")
                    .bind("arn", configurationArn).execute();
            h.createUpdate("DELETE FROM resource_tags WHERE resource_arn = :arn").bind("arn", configurationArn)
                    .execute();
            h.createUpdate("DELETE FROM configurations WHERE arn = :arn").bind("arn", configurationArn).execute();
        });
    }

    /** A configuration joined with its latest revision. */
    private static final String CONFIGURATION_QUERY = "SELECT c.*, r.revision, r.description AS revision_description, "
            + "r.creation_time AS revision_time, r.server_properties FROM configurations c "
            + "JOIN configuration_revisions r ON r.configuration_arn = c.arn AND r.revision = c.latest_revision";

    private static void insertRevision(Handle h, String configurationArn, ConfigurationRevision revision) {
        h.createUpdate("INSERT INTO configuration_revisions (configuration_arn, revision, description, creation_time, "
                        + "server_properties) VALUES (:arn, :revision, :description, :creationTime, :properties)")
                .bind("arn", configurationArn)
                .bind("revision", revision.revision())
                .bind("description", revision.description())
                .bind("creationTime", revision.creationTime().toEpochMilli())
                .bind("properties", revision.serverProperties())
                .execute();
    }

    private static Configuration configuration(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Configuration(
                rs.getString("arn"),
                rs.getString("name"),
                rs.getString("description"),
                JsonColumns.strings(rs.getString("kafka_versions_json")),
                Instant.ofEpochMilli(rs.getLong("creation_time")),
                ConfigurationState.valueOf(rs.getString("state")),
                new ConfigurationRevision(rs.getLong("revision"), rs.getString("revision_description"),
                        Instant.ofEpochMilli(rs.getLong("revision_time")), rs.getString("server_properties")));
    }

    private static ConfigurationRevision revision(ResultSet rs, StatementContext ctx) throws SQLException {
        return new ConfigurationRevision(rs.getLong("revision"), rs.getString("description"),
                Instant.ofEpochMilli(rs.getLong("creation_time")), rs.getString("server_properties"));
    }

    private static void insertCluster(Handle h, Cluster c) {
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

    private static void updateCluster(Handle h, Cluster c) {
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

    private static void insertNode(Handle h, ClusterNode n) {
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

    private static void insertTags(Handle h, String resourceArn, Map<String, String> tags) {
        tags.forEach((key, value) -> h.createUpdate(
                        "INSERT INTO resource_tags (resource_arn, tag_key, tag_value) VALUES (:arn, :key, :value)")
                .bind("arn", resourceArn).bind("key", key).bind("value", value).execute());
    }

    private static Cluster cluster(ResultSet rs, StatementContext ctx) throws SQLException {
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

    private static ClusterNode node(ResultSet rs, StatementContext ctx) throws SQLException {
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

    private static ClusterOperation operation(ResultSet rs, StatementContext ctx) throws SQLException {
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

    static boolean isUniqueViolation(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
