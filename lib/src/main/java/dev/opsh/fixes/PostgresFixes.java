package dev.opsh.fixes;

import dev.opsh.ExitCode;
import dev.opsh.OpshException;
import dev.opsh.adapters.ServiceEndpoint;
import dev.opsh.adapters.ServiceSelector;
import dev.opsh.adapters.postgres.PgTarget;
import dev.opsh.adapters.postgres.PostgresWriter;
import dev.opsh.adapters.postgres.Requeued;
import dev.opsh.adapters.postgres.SqlWriteResult;
import dev.opsh.adapters.postgres.UploadState;
import dev.opsh.dsl.OpsContext;
import dev.opsh.guard.GuardTarget;
import dev.opsh.guard.GuardedAction;
import dev.opsh.inventory.Durations;
import dev.opsh.inventory.Service;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The upload-stuck runbook's fixes and {@code sqlWrite()} on the inventory's first postgres
 * service: each reads what it will change, passes the guard with a preview showing the exact
 * statement, then writes in one transaction.
 */
public final class PostgresFixes {
    private final OpsContext context;
    private final Service service;
    private final PostgresWriter writer;

    private PostgresFixes(OpsContext context, Service service) {
        this.context = context;
        this.service = service;
        this.writer = PostgresWriter.of(context, service);
    }

    public static PostgresFixes of(OpsContext context) {
        return new PostgresFixes(context, ServiceSelector.first(context.inventory(), "postgres"));
    }

    /** Inserts a pending process_upload job for one stuck upload, unless it has one. */
    public Requeued requeue(String uploadId) {
        UploadState upload = writer.upload(uploadId);
        if (!upload.requeueable()) {
            throw new OpshException(ExitCode.FAILURE, "upload " + uploadId + " (" + upload.filename() + ") is "
                    + upload.status() + "; requeue() is for uploads stuck in uploading or processing");
        }
        authorize(action("requeue", PostgresWriter.requeueStatement(), List.of(uploadId)).subject(uploadId)
                .note(describe(upload) + (upload.pendingJobId() == null ? "; no pending process_upload job"
                        : "; it already has pending job " + upload.pendingJobId() + ", so nothing will be inserted")));
        Requeued inserted = writer.requeue(uploadId);
        return inserted != null ? inserted : new Requeued(uploadId, writer.upload(uploadId).pendingJobId(), false);
    }

    /** Inserts a pending process_upload job for every upload stuck longer than {@code threshold} without one. */
    public List<Requeued> requeueStuck(Duration threshold) {
        List<UploadState> waiting = writer.stuckWithoutPendingJob(threshold);
        GuardedAction.Builder action = action("requeueStuck", PostgresWriter.requeueStuckStatement(),
                List.of(threshold.toMillis() / 1000.0)).subject("uploads")
                .note(waiting.size() + " upload(s) stuck over " + Durations.format(threshold)
                        + " have no pending process_upload job and will get one");
        waiting.forEach(upload -> action.note(describe(upload)));
        authorize(action);
        return writer.requeueStuck(threshold);
    }

    /** Marks an unfinished upload failed, with the reason kept in its error_message. */
    public UploadState markFailed(String uploadId, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new OpshException(ExitCode.FAILURE, "markFailed() needs a reason: it is what the user and the next on-call read");
        }
        UploadState upload = writer.upload(uploadId);
        if (!UploadState.UNFINISHED.contains(upload.status())) {
            throw new OpshException(ExitCode.FAILURE, "upload " + uploadId + " (" + upload.filename() + ") is already "
                    + upload.status() + "; markFailed() ends uploads that are pending, uploading or processing");
        }
        authorize(action("markFailed", PostgresWriter.markFailedStatement(), List.of(reason, uploadId)).subject(uploadId)
                .note(describe(upload)));
        writer.markFailed(uploadId, reason);
        return writer.upload(uploadId);
    }

    /** One statement of the operator's, committed. */
    public SqlWriteResult sqlWrite(String query, List<?> params) {
        PostgresWriter.checkSingleStatement(query, "sqlWrite()");
        authorize(action("sqlWrite", query, params).subject(service.name()));
        return writer.sqlWrite(query, params);
    }

    private GuardedAction.Builder action(String verb, String statement, List<?> params) {
        ServiceEndpoint endpoint = ServiceEndpoint.of(context.inventory(), service, PgTarget.DEFAULT_PORT);
        List<String> shown = new ArrayList<>();
        for (int i = 0; i < params.size(); i++) {
            shown.add(params.get(i) instanceof CharSequence ? "'" + params.get(i) + "'" : String.valueOf(params.get(i)));
        }
        String database = service.setting("database") == null ? "postgres" : service.setting("database");
        return GuardedAction.of(verb).target(GuardTarget.service(endpoint))
                .command(statement.strip() + (shown.isEmpty() ? "" : "\n    parameters, in order of the ?s: " + String.join(", ", shown))
                        + "\n    in database " + database);
    }

    private void authorize(GuardedAction.Builder action) {
        context.guard().authorize(action.build());
    }

    private static String describe(UploadState upload) {
        return "upload " + upload.id() + " (" + upload.filename() + ") " + upload.status() + " for "
                + Durations.format(upload.age());
    }
}
