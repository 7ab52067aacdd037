package io.streamplane.store.jdbc;

import io.streamplane.core.access.ClusterPolicyStore;
import io.streamplane.core.cluster.ClusterStore;
import io.streamplane.core.configuration.ConfigurationStore;
import io.streamplane.core.operation.OperationStore;
import io.streamplane.core.replay.AnswerLedger;
import io.streamplane.core.tag.TagStore;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The state database on JDBC: an embedded H2 file database by default, PostgreSQL by URL. It opens
 * the database and migrates its schema; each aggregate's store works on it.
 */
public final class JdbcStore implements AutoCloseable {
    /** The file of the default H2 database in the data directory. */
    public static final String H2_FILE_NAME = "streamplane.mv.db";
    private final Jdbi jdbi;
    private final String jdbcUrl;
    private final String user;
    private final String password;
    private final Optional<PostgresServerLock> serverLock;

    private JdbcStore(String jdbcUrl, String user, String password, Optional<PostgresServerLock> serverLock) {
        this.jdbi = Jdbi.create(jdbcUrl, user, password).setHandleCallbackDecorator(new InterruptKeeping());
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
        this.serverLock = serverLock;
    }

    /**
     * Connects and brings the schema up to date with the Flyway migrations. A PostgreSQL schema is
     * first locked for this server: one that another server holds is refused, naming it. (An H2
     * file database is locked by H2 itself, and its data directory by the server.)
     */
    public static JdbcStore open(String jdbcUrl, String user, String password) {
        Optional<PostgresServerLock> lock = jdbcUrl.startsWith("jdbc:postgresql:")
                ? Optional.of(PostgresServerLock.acquire(jdbcUrl, user, password)) : Optional.empty();
        try {
            Flyway.configure().dataSource(jdbcUrl, user, password).locations("classpath:db/migration").load().migrate();
            return new JdbcStore(jdbcUrl, user, password, lock);
        } catch (RuntimeException e) {
            lock.ifPresent(PostgresServerLock::close);
            throw e;
        }
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

    /** The clusters and their nodes. */
    public ClusterStore clusters() {
        return new JdbcClusterStore(jdbi);
    }

    /** The cluster operations, with the cluster changes they open and close. */
    public OperationStore operations() {
        return new JdbcOperationStore(jdbi);
    }

    /** The MSK configurations. */
    public ConfigurationStore configurations() {
        return new JdbcConfigurationStore(jdbi);
    }

    /** The answers to signed requests that changed something, for requests sent again. */
    public AnswerLedger answers() {
        return new JdbcAnswerLedger(jdbi);
    }

    /** The clusters' resource policies. */
    public ClusterPolicyStore clusterPolicies() {
        return new JdbcClusterPolicyStore(jdbi);
    }

    /** The tags of every resource. */
    public TagStore tags() {
        return new JdbcTagStore(jdbi);
    }

    /** The default database: an H2 file under the data directory, kept open while the server runs. */
    public static String h2Url(java.nio.file.Path dataDir) {
        // WRITE_DELAY=0: H2 otherwise writes commits out up to a second later, and a killed server
        // would forget changes it had already confirmed (an operation it accepted, a node it started).
        // retry: an interrupt during a write (an operation stopped at shutdown) closes a plain file
        // channel, and H2 then closes the whole database or even reads it back as corrupted; this
        // file system reopens the channel and finishes the write.
        // DB_CLOSE_ON_EXIT=FALSE: H2's own shutdown hook would otherwise close the database while the
        // server's graceful stop still records where its operations stopped; the server closes it last.
        return "jdbc:h2:retry:file:" + dataDir.toAbsolutePath().resolve("streamplane")
                + ";DB_CLOSE_DELAY=-1;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";
    }

    /** Closes the embedded database, which otherwise stays open for the life of the JVM. */
    @Override
    public void close() {
        serverLock.ifPresent(PostgresServerLock::close);
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

    static boolean isUniqueViolation(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
