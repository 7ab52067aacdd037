package io.streamplane.store.jdbc;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * One server per PostgreSQL schema: two servers on the same state would both drive the same
 * operations. A session-level advisory lock, held on a connection of its own for the server's
 * life, keeps a second one out; PostgreSQL drops it when the session ends, a crash included. The
 * session's application name says which server holds it.
 */
final class PostgresServerLock implements AutoCloseable {
    /** The first key of Streamplane's advisory locks; the second is the hash of database and schema. */
    private static final int LOCK_CLASS = 0x53504c4e;
    /** The search path, not current_schema(): the schema may not exist until the first migration makes it. */
    private static final String STATE = "hashtext(current_database() || '/' || current_setting('search_path'))";
    private final Connection connection;

    private PostgresServerLock(Connection connection) {
        this.connection = connection;
    }

    /** @throws IllegalStateException naming the server that holds the schema */
    static PostgresServerLock acquire(String jdbcUrl, String user, String password) {
        var properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        properties.setProperty("ApplicationName", "streamplane server pid " + ProcessHandle.current().pid() + " on "
                + hostName());
        Connection connection = null;
        try {
            connection = DriverManager.getConnection(jdbcUrl, properties);
            boolean locked;
            try (var statement = connection.prepareStatement("SELECT pg_try_advisory_lock(?, " + STATE + ")")) {
                statement.setInt(1, LOCK_CLASS);
                try (var result = statement.executeQuery()) {
                    result.next();
                    locked = result.getBoolean(1);
                }
            }
            if (!locked) {
                throw new IllegalStateException("Another Streamplane server uses this database: " + holder(connection));
            }
            return new PostgresServerLock(connection);
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new IllegalStateException("Cannot lock the database for this server: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(connection);
            throw e;
        }
    }

    private static String holder(Connection connection) throws SQLException {
        try (var statement = connection.prepareStatement("SELECT a.application_name, a.client_addr, a.backend_start, "
                + "current_setting('search_path') FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid WHERE l.locktype = "
                + "'advisory' AND l.granted AND l.classid = ?::oid AND l.objid = " + STATE + "::oid")) {
            statement.setInt(1, LOCK_CLASS);
            try (var result = statement.executeQuery()) {
                if (!result.next()) {
                    return "it has just let go; start again";
                }
                return result.getString(1) + ", connected from " + result.getString(2) + " since "
                        + result.getString(3) + ", holds search path " + result.getString(4);
            }
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "an unnamed host";
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                // The session ends either way, and its lock with it.
            }
        }
    }

    @Override
    public void close() {
        closeQuietly(connection);
    }
}
