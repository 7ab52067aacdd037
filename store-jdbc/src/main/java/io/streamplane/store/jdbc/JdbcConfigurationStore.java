package io.streamplane.store.jdbc;

import io.streamplane.core.configuration.Configuration;
import io.streamplane.core.configuration.ConfigurationRevision;
import io.streamplane.core.configuration.ConfigurationState;
import io.streamplane.core.configuration.ConfigurationStore;
import io.streamplane.core.error.Conflict;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The {@link ConfigurationStore} on JDBC: configurations and their revisions. */
final class JdbcConfigurationStore implements ConfigurationStore {
    private final Jdbi jdbi;

    JdbcConfigurationStore(Jdbi jdbi) {
        this.jdbi = jdbi;
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
            if (JdbcStore.isUniqueViolation(e)) {
                throw new Conflict("A configuration named " + configuration.name() + " already exists");
            }
            throw e;
        }
    }

    @Override
    public Optional<Configuration> findConfiguration(String configurationArn) {
        return jdbi.withHandle(h -> h.createQuery(CONFIGURATION_QUERY + " WHERE c.arn = :arn")
                .bind("arn", configurationArn).map(JdbcConfigurationStore::configuration).findOne());
    }

    @Override
    public List<Configuration> listConfigurations() {
        return jdbi.withHandle(h -> h.createQuery(CONFIGURATION_QUERY + " ORDER BY c.creation_time, c.name")
                .map(JdbcConfigurationStore::configuration).list());
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
                .bind("arn", configurationArn).bind("revision", revision).map(JdbcConfigurationStore::revision).findOne());
    }

    @Override
    public List<ConfigurationRevision> configurationRevisions(String configurationArn) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM configuration_revisions "
                        + "WHERE configuration_arn = :arn ORDER BY revision DESC")
                .bind("arn", configurationArn).map(JdbcConfigurationStore::revision).list());
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
}
