package dev.opsh.dsl;

import dev.opsh.adapters.pgbackrest.Backup;
import dev.opsh.adapters.pgbackrest.BackupAge;
import dev.opsh.adapters.pgbackrest.PgBackRest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Backup verbs over pgBackRest, run where the inventory's {@code backup:} section says: locally
 * ({@code local: true}) or on its backup host over SSH.
 */
public interface BackupVerbs extends Verbs {

    @Verb(effect = Effect.READ,
            summary = "the stanza's pgBackRest backups: label, type, start, stop, size, repository size, error flag",
            example = "backups().findAll { it.type == 'full' }")
    default List<Backup> backups() {
        return PgBackRest.of(context()).backups();
    }

    @Verb(effect = Effect.READ,
            summary = "time since the newest successful backup finished; newer backups in error are reported, not counted",
            example = "backupAge() < Duration.ofHours(24)")
    default Duration backupAge() {
        PgBackRest pgBackRest = PgBackRest.of(context());
        BackupAge age = BackupAge.of(pgBackRest.info(), Instant.now(), pgBackRest.source());
        for (Backup inError : age.newerInError()) {
            context().events().notice("backup " + inError.label() + " of stanza '" + inError.stanza()
                    + "' is newer but marked in error; backupAge() counts from " + age.basedOn().label());
        }
        return age.age();
    }
}
