package dev.opsh.adapters.postgres;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.QueryExecutor;

/**
 * One session's connection to a PostgreSQL service. Every unit of work runs in its own read-only
 * transaction with a server-side statement timeout, and is rolled back afterwards: nothing opsh
 * reads through it can change data.
 */
final class PostgresSession implements AutoCloseable {
    /** How much longer than the statement timeout the socket waits, so the server's own timeout is what the operator sees. */
    static final Duration READ_SLACK = Duration.ofSeconds(1);

    private final Connection connection;
    private volatile boolean aborted;
    private boolean used;

    private PostgresSession(Connection connection) {
        this.connection = connection;
    }

    static PostgresSession open(PgTarget target, Duration connect, Duration read) throws SQLException {
        Connection connection = PostgresConnector.open(target, connect, read, READ_SLACK);
        connection.setAutoCommit(false);
        return new PostgresSession(connection);
    }

    /** Work done on the connection inside the read-only transaction. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /**
     * Runs {@code work} in a fresh read-only transaction.
     *
     * @throws StaleSessionException when a connection that served earlier calls turns out to be dead
     *     before any of {@code work} was sent, so that the caller may reconnect and retry
     */
    synchronized <T> T readOnly(Duration statementTimeout, Work<T> work) throws SQLException {
        aborted = false;
        try (Statement setup = connection.createStatement()) {
            setup.execute("SET TRANSACTION READ ONLY; SET LOCAL statement_timeout = " + statementTimeout.toMillis());
        } catch (SQLException e) {
            if (used && PostgresErrors.isConnectionFailure(e) && !PostgresErrors.isTimeout(e)) {
                throw new StaleSessionException(e);
            }
            throw e;
        }
        try {
            T result = work.run(connection);
            used = true;
            return result;
        } finally {
            rollbackQuietly();
        }
    }

    /**
     * Cancels what runs now: asks the server to cancel the statement (on a side thread, since a hung
     * server may not answer that either) and closes the socket, which ends the blocked read at once.
     */
    void abort() {
        aborted = true;
        try {
            QueryExecutor executor = connection.unwrap(BaseConnection.class).getQueryExecutor();
            Thread cancel = new Thread(() -> cancelQuietly(executor), "opsh-postgres-cancel");
            cancel.setDaemon(true);
            cancel.start();
            connection.abort(Runnable::run);
        } catch (SQLException ignored) {
            // Aborting a connection that is already gone.
        }
    }

    boolean aborted() {
        return aborted;
    }

    boolean broken() {
        try {
            return connection.isClosed();
        } catch (SQLException e) {
            return true;
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }

    private static void cancelQuietly(QueryExecutor executor) {
        try {
            executor.sendQueryCancel();
        } catch (SQLException ignored) {
            // Best effort: the socket is being closed anyway.
        }
    }

    private void rollbackQuietly() {
        try {
            if (!connection.isClosed()) {
                connection.rollback();
            }
        } catch (SQLException ignored) {
            // The transaction was read-only; a failed rollback loses nothing, and a broken
            // connection is noticed by the next call.
        }
    }

    /** A reused connection died while idle; nothing of the caller's work reached the server. */
    static final class StaleSessionException extends SQLException {
        StaleSessionException(SQLException cause) {
            super(cause.getMessage(), cause.getSQLState(), cause);
        }
    }
}
