package dev.opsh.adapters.pgbackrest;

import java.time.Instant;

/**
 * One backup in a pgBackRest repository.
 *
 * @param type full, diff or incr
 * @param size the database size it covers, in bytes
 * @param repositorySize what it takes in the repository, in bytes (compressed, deduplicated)
 * @param error whether pgBackRest marked it in error (page checksum errors were found while copying)
 */
public record Backup(String stanza, String label, String type, Instant start, Instant stop, long size, long repositorySize,
        boolean error) {
}
