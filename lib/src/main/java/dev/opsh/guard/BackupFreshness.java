package dev.opsh.guard;

import dev.opsh.ExitCode;
import dev.opsh.OpshException;
import dev.opsh.adapters.pgbackrest.Backup;
import dev.opsh.adapters.pgbackrest.BackupAge;
import dev.opsh.adapters.pgbackrest.PgBackRest;
import dev.opsh.dsl.OpsContext;
import dev.opsh.inventory.Durations;
import java.time.Duration;
import java.time.Instant;

/**
 * The pre-flight before chaos on a protected inventory: the newest successful pgBackRest backup
 * must be at most the inventory's {@code backup.maxAge} old. It fails closed: no {@code backup:}
 * section, a stanza that cannot be read or reports an error, no successful backup, or an old one
 * are all failures, each an {@link OpshException} saying which.
 */
final class BackupFreshness {
    private BackupFreshness() {}

    /** One line for the preview when the newest backup is fresh enough; throws when it is not, or cannot be told. */
    static String check(OpsContext context) {
        PgBackRest pgBackRest;
        BackupAge age;
        try {
            pgBackRest = PgBackRest.of(context);
            age = BackupAge.of(pgBackRest.info(), Instant.now(), pgBackRest.source());
        } catch (OpshException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new OpshException(ExitCode.FAILURE, "reading the backups failed: " + e, e);
        }
        Duration maxAge = pgBackRest.policy().maxAge();
        Backup newest = age.basedOn();
        String found = "newest successful backup " + newest.label() + " of stanza '" + newest.stanza() + "' finished "
                + Durations.format(age.age()) + " ago";
        if (age.age().compareTo(maxAge) > 0) {
            throw new OpshException(ExitCode.FAILURE, found + ", older than the inventory's backup.maxAge of "
                    + Durations.format(maxAge));
        }
        String inError = age.newerInError().isEmpty() ? ""
                : "; " + age.newerInError().size() + " newer backup(s) are marked in error and do not count";
        return found + " (max " + Durations.format(maxAge) + ", " + pgBackRest.source() + ")" + inError;
    }
}
