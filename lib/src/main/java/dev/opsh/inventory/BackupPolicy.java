package dev.opsh.inventory;

import java.time.Duration;

/**
 * Where pgBackRest runs and how fresh its newest backup must be before chaos on a protected inventory.
 *
 * @param host the host to run {@code pgbackrest info} on over SSH, or null when {@code local}
 * @param local run pgbackrest on this machine instead of over SSH
 * @param command the pgbackrest invocation, options included (for example {@code --config=...})
 */
public record BackupPolicy(String host, boolean local, String stanza, Duration maxAge, String command) {
}
