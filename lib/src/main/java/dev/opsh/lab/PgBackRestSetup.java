package dev.opsh.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * pgBackRest for the lab's cluster: a repository under {@code pgbackrest/}, the stanza {@code lab}
 * (PostgreSQL archives into it), and one real full backup taken when the lab is created.
 */
final class PgBackRestSetup {
    private final LabConfig config;
    private final Labctl labctl;

    PgBackRestSetup(LabConfig config, Labctl labctl) {
        this.config = config;
        this.labctl = labctl;
    }

    Path configFile() {
        return config.pgbackrestDir().resolve("pgbackrest.conf");
    }

    /** Writes the configuration and the repository's directories, owned by postgres. */
    void prepare() throws IOException {
        Path dir = config.pgbackrestDir();
        PostgresAccount.ownedDirectory(dir);
        for (String sub : new String[] {"repo", "log", "lock", "spool"}) {
            PostgresAccount.ownedDirectory(dir.resolve(sub));
        }
        Files.writeString(configFile(), """
                # Written by opsh at every 'lab up'.
                [global]
                repo1-path=%1$s/repo
                repo1-retention-full=2
                log-path=%1$s/log
                lock-path=%1$s/lock
                spool-path=%1$s/spool
                start-fast=y
                compress-type=lz4

                [%2$s]
                pg1-path=%3$s
                pg1-port=%4$d
                pg1-socket-path=%5$s
                """.formatted(dir, LabConfig.STANZA, config.pgData(), config.port("pg"), config.pgDir()));
        PostgresAccount.own(configFile());
    }

    /** Creates the stanza and takes the first full backup, once. */
    void firstBackup(LabListener listener) throws IOException {
        Path done = config.pgbackrestDir().resolve("first-backup-done");
        if (Files.exists(done)) {
            return;
        }
        listener.step("postgres", "creating the pgBackRest stanza '" + LabConfig.STANZA + "'");
        labctl.pgbackrest("pgbackrest stanza-create for the lab", "--stanza=" + LabConfig.STANZA, "stanza-create");
        listener.step("postgres", "taking the first full backup");
        labctl.pgbackrest("the lab's first full pgBackRest backup", "--stanza=" + LabConfig.STANZA, "--type=full", "backup");
        Files.writeString(done, "");
    }
}
