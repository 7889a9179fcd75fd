package dev.opsh.adapters.pgbackrest;

import dev.opsh.ExitCode;
import dev.opsh.OpshException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * How old the newest usable backup is. A backup marked in error (page checksum errors) does not
 * count: the age runs from the newest backup without errors, and the newer ones in error are
 * listed so that the operator is told about them.
 *
 * @param age from the stop of {@code basedOn} to now
 * @param newerInError backups that finished after {@code basedOn} but are marked in error, oldest first
 */
public record BackupAge(Duration age, Backup basedOn, List<Backup> newerInError) {

    /** The age of the newest successful backup in {@code info} at {@code now}. */
    public static BackupAge of(StanzaInfo info, Instant now, String source) {
        Backup newest = info.newestSuccessful().orElseThrow(() -> new OpshException(ExitCode.FAILURE,
                "stanza '" + info.name() + "' has no successful backup: all " + info.backups().size()
                        + " backups listed by " + source + " are marked in error"));
        List<Backup> inError = info.backups().stream()
                .filter(b -> b.error() && b.stop().isAfter(newest.stop()))
                .toList();
        return new BackupAge(Duration.between(newest.stop(), now), newest, inError);
    }
}
