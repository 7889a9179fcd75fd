package dev.opsh.dsl;

import dev.opsh.ExitCode;
import dev.opsh.OpshException;
import dev.opsh.adapters.CommandRunner;
import dev.opsh.adapters.LocalCommandRunner;
import dev.opsh.adapters.pgbackrest.Backup;
import dev.opsh.adapters.pgbackrest.BackupAge;
import dev.opsh.adapters.pgbackrest.PgBackRest;
import dev.opsh.inventory.BackupPolicy;
import dev.opsh.inventory.Deadlines;
import dev.opsh.inventory.Host;
import dev.opsh.inventory.Inventory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Backup verbs over pgBackRest, run where the inventory's {@code backup:} section says: locally
 * ({@code local: true}) or on its backup host through {@link #remoteRunner}.
 */
public interface BackupVerbs extends Verbs {

    @Verb(effect = Effect.READ,
            summary = "the stanza's pgBackRest backups: label, type, start, stop, size, repository size, error flag",
            example = "backups().findAll { it.type == 'full' }")
    default List<Backup> backups() {
        return pgBackRest().backups();
    }

    @Verb(effect = Effect.READ,
            summary = "time since the newest successful backup finished; newer backups in error are reported, not counted",
            example = "backupAge() < Duration.ofHours(24)")
    default Duration backupAge() {
        PgBackRest pgBackRest = pgBackRest();
        BackupAge age = BackupAge.of(pgBackRest.info(), Instant.now(), pgBackRest.source());
        for (Backup inError : age.newerInError()) {
            context().events().notice("backup " + inError.label() + " of stanza '" + inError.stanza()
                    + "' is newer but marked in error; backupAge() counts from " + age.basedOn().label());
        }
        return age.age();
    }

    /**
     * Wiring, not a verb: the runner that reaches a remote backup host. The script base class
     * overrides this to hand out the SSH runner.
     */
    default CommandRunner remoteRunner(Host host) {
        throw new OpshException(ExitCode.FAILURE, "backup host '" + host.name() + "' (" + host
                + ") is remote, and this session has no SSH runner to reach it");
    }

    private PgBackRest pgBackRest() {
        Inventory inventory = context().inventory();
        BackupPolicy policy = inventory.backup();
        if (policy == null) {
            throw new OpshException(ExitCode.FAILURE, "inventory '" + inventory.name()
                    + "' has no 'backup:' section naming the pgBackRest stanza and where to run it");
        }
        inventory.services().values().stream().filter(s -> s.type().equals("postgres")).findFirst()
                .ifPresent(context().provisioner()::prepare);
        Deadlines deadlines = inventory.deadlines();
        Duration timeout = deadlines.connect().plus(deadlines.read());
        if (policy.local()) {
            return new PgBackRest(policy, null, new LocalCommandRunner(context().inFlight()), timeout);
        }
        Host host = inventory.host(policy.host());
        return new PgBackRest(policy, host, remoteRunner(host), timeout);
    }
}
