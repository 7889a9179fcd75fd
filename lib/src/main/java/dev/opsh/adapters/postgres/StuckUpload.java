package dev.opsh.adapters.postgres;

import java.time.Duration;
import java.time.Instant;

/**
 * An upload stuck in {@code uploading} or {@code processing}, from the upload-stuck runbook.
 *
 * @param age how long ago it was created, by the database's clock
 * @param pendingJobId the oldest pending or processing {@code process_upload} job for it, or null
 *     when no job will pick it up
 */
public record StuckUpload(
        String id,
        String userId,
        String filename,
        String status,
        Integer progress,
        Instant createdAt,
        Instant updatedAt,
        Duration age,
        String pendingJobId,
        String errorMessage) {
}
