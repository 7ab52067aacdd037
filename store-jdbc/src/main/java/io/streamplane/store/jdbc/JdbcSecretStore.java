package io.streamplane.store.jdbc;

import io.streamplane.core.error.Conflict;
import io.streamplane.core.secrets.ScramAssociation;
import io.streamplane.core.secrets.Secret;
import io.streamplane.core.secrets.SecretStore;
import io.streamplane.core.secrets.SecretVersion;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The {@link SecretStore} on the same JDBC database as the {@link JdbcStore}. */
public final class JdbcSecretStore implements SecretStore {
    private final Jdbi jdbi;

    JdbcSecretStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void createSecret(Secret secret, SecretVersion first, Map<String, String> tags) {
        try {
            jdbi.useTransaction(h -> {
                h.createUpdate("INSERT INTO secrets (arn, name, description, kms_key_id, created_date, "
                                + "last_changed_date, deleted_date, current_version_id, previous_version_id) VALUES "
                                + "(:arn, :name, :description, :kms, :created, :changed, :deleted, :current, :previous)")
                        .bind("arn", secret.arn())
                        .bind("name", secret.name())
                        .bind("description", secret.description())
                        .bind("kms", secret.kmsKeyId().orElse(null))
                        .bind("created", secret.createdDate().toEpochMilli())
                        .bind("changed", secret.lastChangedDate().toEpochMilli())
                        .bind("deleted", secret.deletedDate().map(Instant::toEpochMilli).orElse(null))
                        .bind("current", secret.currentVersionId())
                        .bind("previous", secret.previousVersionId().orElse(null))
                        .execute();
                insertVersion(h, secret.arn(), first);
                JdbcTagStore.insertTags(h, secret.arn(), tags);
            });
        } catch (UnableToExecuteStatementException e) {
            if (JdbcStore.isUniqueViolation(e)) {
                throw new Conflict("The operation failed because the secret " + secret.name() + " already exists.");
            }
            throw e;
        }
    }

    @Override
    public Optional<Secret> findSecretByArn(String arn) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM secrets WHERE arn = :arn").bind("arn", arn)
                .map(JdbcSecretStore::secret).findOne());
    }

    @Override
    public Optional<Secret> findSecretByName(String name) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM secrets WHERE name = :name").bind("name", name)
                .map(JdbcSecretStore::secret).findOne());
    }

    @Override
    public List<Secret> listSecrets() {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM secrets ORDER BY created_date, name")
                .map(JdbcSecretStore::secret).list());
    }

    @Override
    public Optional<SecretVersion> findVersion(String secretArn, String versionId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM secret_versions WHERE secret_arn = :arn "
                        + "AND version_id = :version").bind("arn", secretArn).bind("version", versionId)
                .map((rs, ctx) -> new SecretVersion(rs.getString("version_id"), rs.getString("secret_string"),
                        Instant.ofEpochMilli(rs.getLong("created_date"))))
                .findOne());
    }

    @Override
    public void addVersion(Secret updated, SecretVersion version) {
        jdbi.useTransaction(h -> {
            insertVersion(h, updated.arn(), version);
            update(h, updated);
        });
    }

    @Override
    public void updateSecret(Secret secret) {
        jdbi.useHandle(h -> update(h, secret));
    }

    @Override
    public List<SecretVersion> versions(String secretArn) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM secret_versions WHERE secret_arn = :arn "
                        + "ORDER BY created_date DESC, version_id").bind("arn", secretArn)
                .map((rs, ctx) -> new SecretVersion(rs.getString("version_id"), rs.getString("secret_string"),
                        Instant.ofEpochMilli(rs.getLong("created_date"))))
                .list());
    }

    @Override
    public Optional<String> resourcePolicy(String secretArn) {
        return jdbi.withHandle(h -> h.createQuery("SELECT resource_policy FROM secrets WHERE arn = :arn")
                .bind("arn", secretArn).mapTo(String.class).findOne().filter(Objects::nonNull));
    }

    @Override
    public void setResourcePolicy(String secretArn, Optional<String> policy) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE secrets SET resource_policy = :policy WHERE arn = :arn")
                .bind("arn", secretArn).bind("policy", policy.orElse(null)).execute());
    }

    @Override
    public void deleteSecret(String arn) {
        jdbi.useTransaction(h -> {
            h.createUpdate("DELETE FROM cluster_scram_secrets WHERE secret_arn = :arn").bind("arn", arn).execute();
            h.createUpdate("DELETE FROM secret_versions WHERE secret_arn = :arn").bind("arn", arn).execute();
            h.createUpdate("DELETE FROM resource_tags WHERE resource_arn = :arn").bind("arn", arn).execute();
            h.createUpdate("DELETE FROM secrets WHERE arn = :arn").bind("arn", arn).execute();
        });
    }

    @Override
    public void associateScramSecret(String clusterArn, String secretArn, String username) {
        jdbi.useTransaction(h -> {
            h.createUpdate("DELETE FROM cluster_scram_secrets WHERE cluster_arn = :cluster AND secret_arn = :secret")
                    .bind("cluster", clusterArn).bind("secret", secretArn).execute();
            h.createUpdate("INSERT INTO cluster_scram_secrets (cluster_arn, secret_arn, username, associated_at) "
                            + "VALUES (:cluster, :secret, :username, :at)")
                    .bind("cluster", clusterArn).bind("secret", secretArn).bind("username", username)
                    .bind("at", System.currentTimeMillis()).execute();
        });
    }

    @Override
    public void disassociateScramSecret(String clusterArn, String secretArn) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM cluster_scram_secrets WHERE cluster_arn = :cluster "
                + "AND secret_arn = :secret").bind("cluster", clusterArn).bind("secret", secretArn).execute());
    }

    @Override
    public List<ScramAssociation> scramAssociations(String clusterArn) {
        return jdbi.withHandle(h -> h.createQuery("SELECT secret_arn, username FROM cluster_scram_secrets "
                        + "WHERE cluster_arn = :cluster ORDER BY associated_at, secret_arn").bind("cluster", clusterArn)
                .map((rs, ctx) -> new ScramAssociation(rs.getString("secret_arn"), rs.getString("username")))
                .list());
    }

    @Override
    public List<String> clustersUsingSecret(String secretArn) {
        return jdbi.withHandle(h -> h.createQuery("SELECT cluster_arn FROM cluster_scram_secrets "
                + "WHERE secret_arn = :secret ORDER BY cluster_arn").bind("secret", secretArn).mapTo(String.class).list());
    }

    private static void insertVersion(Handle h, String secretArn, SecretVersion version) {
        h.createUpdate("INSERT INTO secret_versions (secret_arn, version_id, secret_string, created_date) "
                        + "VALUES (:arn, :version, :value, :created)")
                .bind("arn", secretArn).bind("version", version.versionId()).bind("value", version.secretString())
                .bind("created", version.createdDate().toEpochMilli()).execute();
    }

    private static void update(Handle h, Secret secret) {
        h.createUpdate("UPDATE secrets SET description = :description, kms_key_id = :kms, "
                        + "last_changed_date = :changed, deleted_date = :deleted, "
                        + "current_version_id = :current, previous_version_id = :previous WHERE arn = :arn")
                .bind("arn", secret.arn())
                .bind("description", secret.description())
                .bind("kms", secret.kmsKeyId().orElse(null))
                .bind("changed", secret.lastChangedDate().toEpochMilli())
                .bind("deleted", secret.deletedDate().map(Instant::toEpochMilli).orElse(null))
                .bind("current", secret.currentVersionId())
                .bind("previous", secret.previousVersionId().orElse(null))
                .execute();
    }

    private static Secret secret(ResultSet rs, StatementContext ctx) throws SQLException {
        long deleted = rs.getLong("deleted_date");
        boolean noDeletion = rs.wasNull();
        return new Secret(rs.getString("arn"), rs.getString("name"), rs.getString("description"),
                Optional.ofNullable(rs.getString("kms_key_id")), Instant.ofEpochMilli(rs.getLong("created_date")),
                Instant.ofEpochMilli(rs.getLong("last_changed_date")),
                noDeletion ? Optional.empty() : Optional.of(Instant.ofEpochMilli(deleted)),
                rs.getString("current_version_id"), Optional.ofNullable(rs.getString("previous_version_id")));
    }
}
