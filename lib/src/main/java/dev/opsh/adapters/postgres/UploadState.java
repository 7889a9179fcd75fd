package dev.opsh.adapters.postgres;

import java.time.Duration;
import java.util.Set;

/**
 * One upload as the fix verbs see it before changing it.
 *
 * @param pendingJobId the oldest pending {@code process_upload} job for it, or null
 */
public record UploadState(String id, String filename, String status, Duration age, String pendingJobId) {
    /** The statuses of an upload that is not finished, which {@code markFailed} may end. */
    public static final Set<String> UNFINISHED = Set.of("pending", "uploading", "processing");

    /** Whether the upload is in a status the upload-stuck runbook requeues: uploading or processing. */
    public boolean requeueable() {
        return status.equals("uploading") || status.equals("processing");
    }
}
