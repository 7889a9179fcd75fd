package dev.opsh.dsl;

import dev.opsh.adapters.postgres.Requeued;
import dev.opsh.adapters.postgres.SqlWriteResult;
import dev.opsh.adapters.postgres.UploadState;
import dev.opsh.fixes.PostgresFixes;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/** The upload-stuck runbook's fixes and free-form SQL writes, each through the guard. */
public interface PostgresWriteVerbs extends Verbs {
    @Verb(effect = Effect.MUTATE,
            summary = "inserts a pending process_upload job for one upload stuck in uploading/processing, unless it has one",
            example = "requeue('a0000000-0000-4000-8000-000000000013')")
    default Requeued requeue(String uploadId) {
        return PostgresFixes.of(context()).requeue(uploadId);
    }

    @Verb(effect = Effect.MUTATE,
            summary = "requeue() for every upload stuck over 10 minutes without a pending job, in one statement; running it twice inserts nothing the second time",
            example = "requeueStuck()")
    default List<Requeued> requeueStuck() {
        return requeueStuck(PostgresVerbs.STUCK_UPLOAD_THRESHOLD);
    }

    @Verb(effect = Effect.MUTATE,
            summary = "requeueStuck() for uploads stuck longer than the threshold",
            example = "requeueStuck(30.minutes)")
    default List<Requeued> requeueStuck(Duration threshold) {
        return PostgresFixes.of(context()).requeueStuck(threshold);
    }

    @Verb(effect = Effect.MUTATE,
            summary = "marks a pending, uploading or processing upload failed, keeping the reason in error_message",
            example = "markFailed('a0000000-0000-4000-8000-000000000012', 'source file missing from storage')")
    default UploadState markFailed(String uploadId, String reason) {
        return PostgresFixes.of(context()).markFailed(uploadId, reason);
    }

    @Verb(effect = Effect.MUTATE,
            summary = "runs one writing SQL statement (? placeholders take params) in its own committed transaction",
            example = "sqlWrite(\"update uploads set status = 'pending' where id = ?::uuid and status = 'uploading'\", id)")
    default SqlWriteResult sqlWrite(String query, Object... params) {
        return PostgresFixes.of(context()).sqlWrite(query, Arrays.asList(params));
    }
}
