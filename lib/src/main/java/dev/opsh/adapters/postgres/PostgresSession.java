package dev.opsh.adapters.postgres;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.QueryExecutor;

/**
 * One session's connection to a PostgreSQL service. Every unit of work runs in its own transaction
 * with a server-side statement timeout: read-only and rolled back for the read verbs, so nothing
 * they run can change data; read-write and committed only for the guarded write verbs.
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
     * Runs {@code work} in a fresh read-only transaction, rolled back afterwards.
     *
     * @throws StaleSessionException when a connection that served earlier calls turns out to be dead
     *     before any of {@code work} was sent, so that the caller may reconnect and retry
     */
    synchronized <T> T readOnly(Duration statementTimeout, Work<T> work) throws SQLException {
        begin("READ ONLY", statementTimeout);
        try {
            T result = work.run(connection);
            used = true;
            return result;
        } finally {
            rollbackQuietly();
        }
    }

    /**
     * Runs {@code work} in one read-write transaction, committed when it returns and rolled back when
     * it throws. Only the guarded write verbs call this.
     *
     * @throws StaleSessionException as {@link #readOnly}: nothing of {@code work} was sent
     */
    synchronized <T> T readWrite(Duration statementTimeout, Work<T> work) throws SQLException {
        begin("READ WRITE", statementTimeout);
        boolean committed = false;
        try {
            T result = work.run(connection);
            connection.commit();
            committed = true;
            used = true;
            return result;
        } finally {
            if (!committed) {
                rollbackQuietly();
            }
        }
    }

    private void begin(String mode, Duration statementTimeout) throws SQLException {
        aborted = false;
        try (Statement setup = connection.createStatement()) {
            setup.execute("SET TRANSACTION " + mode + "; SET LOCAL statement_timeout = " + statementTimeout.toMillis());
        } catch (SQLException e) {
            if (used && PostgresErrors.isConnectionFailure(e) && !PostgresErrors.isTimeout(e)) {
                throw new StaleSessionException(e);
            }
            throw e;
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
            // A failed rollback of a read-only transaction loses nothing; a write transaction that was
            // not committed is rolled back by the server when the connection goes. A broken
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
