package dev.opsh.adapters.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The upload-stuck runbook's checks as one query: uploads in {@code uploading} or
 * {@code processing} created longer ago than a threshold, each with the oldest pending or
 * processing {@code process_upload} job whose payload names it. Ids are read as text so that
 * integer and UUID keys both work.
 */
final class StuckUploadQuery {
    static final String SQL = """
            select u.id::text as id, u.user_id::text as user_id, u.filename, u.status,
                   u.progress::int as progress,
                   u.created_at::timestamptz as created_at, u.updated_at::timestamptz as updated_at,
                   (extract(epoch from (now() - u.created_at::timestamptz)) * 1000)::bigint as age_ms,
                   j.id::text as pending_job_id, u.error_message
            from uploads u
            left join lateral (
                select q.id from job_queue q
                where q.type = 'process_upload'
                  and q.status in ('pending', 'processing')
                  and q.payload->>'upload_id' = u.id::text
                order by q.created_at
                limit 1) j on true
            where u.status in ('uploading', 'processing')
              and u.created_at::timestamptz < now() - make_interval(secs => ?)
            order by u.created_at""";

    private StuckUploadQuery() {}

    static List<StuckUpload> run(Connection connection, Duration threshold) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(SQL)) {
            statement.setDouble(1, threshold.toMillis() / 1000.0);
            try (ResultSet rs = statement.executeQuery()) {
                List<StuckUpload> uploads = new ArrayList<>();
                while (rs.next()) {
                    uploads.add(row(rs));
                }
                return List.copyOf(uploads);
            }
        }
    }

    private static StuckUpload row(ResultSet rs) throws SQLException {
        OffsetDateTime updated = rs.getObject("updated_at", OffsetDateTime.class);
        return new StuckUpload(
                rs.getString("id"),
                rs.getString("user_id"),
                rs.getString("filename"),
                rs.getString("status"),
                rs.getObject("progress", Integer.class),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                updated == null ? null : updated.toInstant(),
                Duration.ofMillis(rs.getLong("age_ms")),
                rs.getString("pending_job_id"),
                rs.getString("error_message"));
    }
}
