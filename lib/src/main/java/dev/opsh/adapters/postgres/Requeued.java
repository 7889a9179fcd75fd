package dev.opsh.adapters.postgres;

/**
 * A {@code process_upload} job for a stuck upload.
 *
 * @param jobId the job that will process the upload
 * @param inserted whether this call inserted it; false when the upload already had a pending job
 */
public record Requeued(String uploadId, String jobId, boolean inserted) {
}
