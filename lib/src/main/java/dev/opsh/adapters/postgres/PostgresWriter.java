package dev.opsh.adapters.postgres;

import dev.opsh.ExitCode;
import dev.opsh.OpshException;
import dev.opsh.dsl.OpsContext;
import dev.opsh.inventory.Service;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The writes of the upload-stuck runbook and {@code sqlWrite()}, each one committed transaction on
 * the session's connection. It does not ask anyone: the guarded verbs call it only after the guard
 * said yes, and show {@link #requeueStatement()} and friends in their previews.
 */
public final class PostgresWriter {
    private final PostgresClient client;

    private PostgresWriter(PostgresClient client) {
        this.client = client;
    }

    public static PostgresWriter of(OpsContext context, Service service) {
        return new PostgresWriter(PostgresClient.of(context, service));
    }

    public static String requeueStatement() {
        return UploadFixStatements.LOCK + ";\n" + UploadFixStatements.REQUEUE;
    }

    public static String requeueStuckStatement() {
        return UploadFixStatements.LOCK + ";\n" + UploadFixStatements.REQUEUE_STUCK;
    }

    public static String markFailedStatement() {
        return UploadFixStatements.MARK_FAILED;
    }

    /** Refuses text holding other than exactly one statement, before anything is asked or run. */
    public static void checkSingleStatement(String query, String verb) {
        SingleStatement.check(query, verb);
    }

    /** The uploads stuck longer than {@code threshold} without a pending job: what {@link #requeueStuck} inserts for. */
    public List<UploadState> stuckWithoutPendingJob(Duration threshold) {
        return client.run("looking for stuck uploads to requeue", connection -> {
            try (PreparedStatement statement = connection.prepareStatement(UploadFixStatements.TO_REQUEUE)) {
                statement.setDouble(1, threshold.toMillis() / 1000.0);
                List<UploadState> uploads = new ArrayList<>();
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        uploads.add(state(rs));
                    }
                }
                return List.copyOf(uploads);
            }
        });
    }

    /** The upload with this id, read-only; an operator error when there is none. */
    public UploadState upload(String uploadId) {
        return client.run("reading upload " + uploadId, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(UploadFixStatements.UPLOAD)) {
                statement.setString(1, uploadId);
                try (ResultSet rs = statement.executeQuery()) {
                    if (!rs.next()) {
                        throw new OpshException(ExitCode.FAILURE, "no upload with id '" + uploadId + "' in table uploads");
                    }
                    return state(rs);
                }
            }
        });
    }

    /** Inserts a pending {@code process_upload} job for one stuck upload unless it has one; null when it had. */
    public Requeued requeue(String uploadId) {
        List<Requeued> inserted = requeueWith("requeueing upload " + uploadId, UploadFixStatements.REQUEUE, uploadId);
        return inserted.isEmpty() ? null : inserted.get(0);
    }

    /** Inserts a pending job for every upload stuck longer than {@code threshold} without one; returns those inserted. */
    public List<Requeued> requeueStuck(Duration threshold) {
        return requeueWith("requeueing stuck uploads", UploadFixStatements.REQUEUE_STUCK, threshold.toMillis() / 1000.0);
    }

    /** Marks an unfinished upload failed with {@code reason}; an operator error when it is finished or gone. */
    public void markFailed(String uploadId, String reason) {
        int updated = client.write("marking upload " + uploadId + " failed", connection -> {
            try (PreparedStatement statement = connection.prepareStatement(UploadFixStatements.MARK_FAILED)) {
                statement.setString(1, reason);
                statement.setString(2, uploadId);
                try (ResultSet rs = statement.executeQuery()) {
                    int n = 0;
                    while (rs.next()) {
                        n++;
                    }
                    return n;
                }
            }
        });
        if (updated == 0) {
            throw new OpshException(ExitCode.FAILURE, "upload '" + uploadId + "' was not marked failed: it is gone or"
                    + " no longer pending, uploading or processing");
        }
    }

    /** Runs one statement in its own committed transaction. */
    public SqlWriteResult sqlWrite(String query, List<?> params) {
        SingleStatement.check(query, "sqlWrite()");
        return client.write("running sqlWrite()", connection -> {
            try (PreparedStatement statement = connection.prepareStatement(query, Statement.NO_GENERATED_KEYS)) {
                for (int i = 0; i < params.size(); i++) {
                    statement.setObject(i + 1, SqlValues.toJdbc(params.get(i)));
                }
                statement.setMaxRows(PostgresClient.MAX_ROWS + 1);
                if (statement.execute()) {
                    try (ResultSet rs = statement.getResultSet()) {
                        SqlRows rows = SqlRowsReader.read(rs, PostgresClient.MAX_ROWS);
                        return new SqlWriteResult(rows.size(), rows);
                    }
                }
                return new SqlWriteResult(statement.getLargeUpdateCount(), new SqlRows(List.of(), List.of(), false));
            }
        });
    }

    private List<Requeued> requeueWith(String tried, String insert, Object parameter) {
        return client.write(tried, connection -> {
            try (Statement lock = connection.createStatement()) {
                lock.execute(UploadFixStatements.LOCK);
            }
            try (PreparedStatement statement = connection.prepareStatement(insert)) {
                statement.setObject(1, parameter);
                List<Requeued> inserted = new ArrayList<>();
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        inserted.add(new Requeued(rs.getString("upload_id"), rs.getString("job_id"), true));
                    }
                }
                return List.copyOf(inserted);
            }
        });
    }

    private static UploadState state(ResultSet rs) throws SQLException {
        return new UploadState(rs.getString("id"), rs.getString("filename"), rs.getString("status"),
                Duration.ofMillis(rs.getLong("age_ms")), rs.getString("pending_job_id"));
    }
}
