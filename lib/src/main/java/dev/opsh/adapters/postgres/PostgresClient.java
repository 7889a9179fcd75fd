package dev.opsh.adapters.postgres;

import dev.opsh.ExitCode;
import dev.opsh.OpshException;
import dev.opsh.dsl.InFlight;
import dev.opsh.dsl.OpsContext;
import dev.opsh.inventory.Deadlines;
import dev.opsh.inventory.Service;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Access to one PostgreSQL service for the DSL verbs. The connection is opened on first use, kept
 * for the session and reopened once if it died while idle (only when nothing of the call was sent).
 * Every call runs in a read-only transaction bounded by the service's read deadline, except the
 * writes of {@link PostgresWriter}, and Ctrl-C closes it.
 */
public final class PostgresClient {
    /** The most rows one {@code sql()} call keeps; the result says when more matched. */
    public static final int MAX_ROWS = 10_000;

    private final OpsContext context;
    private final Service service;

    private PostgresClient(OpsContext context, Service service) {
        this.context = context;
        this.service = service;
    }

    public static PostgresClient of(OpsContext context, Service service) {
        return new PostgresClient(context, service);
    }

    /** Runs one statement with positional {@code ?} parameters and returns its rows. */
    public SqlRows sql(String query, List<?> params) {
        SingleStatement.check(query);
        return run("running sql()", connection -> {
            try (PreparedStatement statement = connection.prepareStatement(query)) {
                statement.setMaxRows(MAX_ROWS + 1);
                for (int i = 0; i < params.size(); i++) {
                    statement.setObject(i + 1, SqlValues.toJdbc(params.get(i)));
                }
                if (!statement.execute()) {
                    return new SqlRows(List.of(), List.of(), false);
                }
                try (ResultSet rs = statement.getResultSet()) {
                    return SqlRowsReader.read(rs, MAX_ROWS);
                }
            }
        });
    }

    /** The uploads stuck in {@code uploading} or {@code processing} for longer than {@code threshold}, oldest first. */
    public List<StuckUpload> stuckUploads(Duration threshold) {
        if (threshold.isNegative()) {
            throw new OpshException(ExitCode.FAILURE, "stuckUploads() needs a threshold of zero or more, not " + threshold);
        }
        return run("looking for stuck uploads", connection -> StuckUploadQuery.run(connection, threshold));
    }

    /** Runs {@code work} in a read-only transaction, translating every failure into an operator message. */
    <T> T run(String tried, PostgresSession.Work<T> work) {
        return run(tried, false, work);
    }

    /** Runs {@code work} in one committed read-write transaction; only guarded verbs get here. */
    <T> T write(String tried, PostgresSession.Work<T> work) {
        return run(tried, true, work);
    }

    private <T> T run(String tried, boolean write, PostgresSession.Work<T> work) {
        context.provisioner().prepare(service);
        PgTarget target = PgTarget.of(context, service);
        Deadlines deadlines = service.deadlines();
        String key = "postgres:" + service.name();
        for (int attempt = 1; ; attempt++) {
            PostgresSession session = context.client(key, () -> open(target, deadlines, context.inFlight()));
            try (InFlight.Registration ignored = context.inFlight().register(session::abort)) {
                return write ? session.readWrite(deadlines.read(), work) : session.readOnly(deadlines.read(), work);
            } catch (SQLException e) {
                if (session.broken() || PostgresErrors.isConnectionFailure(e)) {
                    context.discard(key);
                }
                if (session.aborted()) {
                    throw new OpshException(ExitCode.FAILURE, tried + " on " + target + " was cancelled", e);
                }
                if (!(e instanceof PostgresSession.StaleSessionException) || attempt > 1) {
                    throw PostgresErrors.translate(target, tried, deadlines, e);
                }
            }
        }
    }

    /**
     * Connects. The driver logs in on a thread of its own and waits for it, so Ctrl-C interrupts the
     * wait; the abandoned login ends by itself at its deadline.
     */
    private static PostgresSession open(PgTarget target, Deadlines deadlines, InFlight inFlight) {
        String tried = "connecting as user " + target.user() + " to database " + target.database();
        Thread caller = Thread.currentThread();
        AtomicBoolean cancelled = new AtomicBoolean();
        try (InFlight.Registration ignored = inFlight.register(() -> {
            cancelled.set(true);
            caller.interrupt();
        })) {
            return PostgresSession.open(target, deadlines.connect(), deadlines.read());
        } catch (SQLException e) {
            if (cancelled.get() || Thread.currentThread().isInterrupted()) {
                if (cancelled.get()) {
                    Thread.interrupted();
                }
                throw new OpshException(ExitCode.FAILURE, tried + " on " + target + " was cancelled", e);
            }
            throw PostgresErrors.translate(target, tried, deadlines, e);
        }
    }
}
