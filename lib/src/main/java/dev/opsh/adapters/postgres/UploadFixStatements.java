package dev.opsh.adapters.postgres;

/**
 * The upload-stuck runbook's corrective statements, exactly as they run and as the guard's preview
 * shows them. Requeueing is idempotent: one statement inserts a {@code process_upload} job only for
 * an upload without a pending one, under a transaction-scoped advisory lock so that two sessions
 * requeueing at once cannot both insert.
 */
final class UploadFixStatements {
    static final String LOCK = "select pg_advisory_xact_lock(hashtext('opsh: requeue process_upload'))";

    private static final String NO_PENDING_JOB = """
              and not exists (
                  select 1 from job_queue q
                  where q.type = 'process_upload' and q.status = 'pending'
                    and q.payload->>'upload_id' = u.id::text)
            returning id::text as job_id, payload->>'upload_id' as upload_id""";

    static final String REQUEUE = """
            insert into job_queue (type, payload, status)
            select 'process_upload', jsonb_build_object('upload_id', u.id::text), 'pending'
            from uploads u
            where u.id::text = ?
              and u.status in ('uploading', 'processing')
            """ + NO_PENDING_JOB;

    static final String REQUEUE_STUCK = """
            insert into job_queue (type, payload, status)
            select 'process_upload', jsonb_build_object('upload_id', u.id::text), 'pending'
            from uploads u
            where u.status in ('uploading', 'processing')
              and u.created_at::timestamptz < now() - make_interval(secs => ?)
            """ + NO_PENDING_JOB;

    static final String MARK_FAILED = """
            update uploads set status = 'failed', error_message = ?, updated_at = now()
            where id::text = ? and status in ('pending', 'uploading', 'processing')
            returning id::text""";

    /** One upload with the oldest pending {@code process_upload} job for it. */
    static final String UPLOAD = """
            select u.id::text as id, u.filename, u.status,
                   (extract(epoch from (now() - u.created_at::timestamptz)) * 1000)::bigint as age_ms,
                   (select q.id::text from job_queue q
                    where q.type = 'process_upload' and q.status = 'pending'
                      and q.payload->>'upload_id' = u.id::text
                    order by q.created_at limit 1) as pending_job_id
            from uploads u
            where u.id::text = ?""";

    /** The uploads {@link #REQUEUE_STUCK} inserts a job for, with the same columns as {@link #UPLOAD}. */
    static final String TO_REQUEUE = """
            select u.id::text as id, u.filename, u.status,
                   (extract(epoch from (now() - u.created_at::timestamptz)) * 1000)::bigint as age_ms,
                   null::text as pending_job_id
            from uploads u
            where u.status in ('uploading', 'processing')
              and u.created_at::timestamptz < now() - make_interval(secs => ?)
              and not exists (
                  select 1 from job_queue q
                  where q.type = 'process_upload' and q.status = 'pending'
                    and q.payload->>'upload_id' = u.id::text)
            order by u.created_at""";

    private UploadFixStatements() {}
}
