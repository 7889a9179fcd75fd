package dev.opsh.adapters.pgbackrest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opsh.OpshException;
import dev.opsh.adapters.InventoryCopies;
import dev.opsh.adapters.LabSession;
import dev.opsh.adapters.LocalCommandRunner;
import dev.opsh.dsl.InFlight;
import dev.opsh.inventory.BackupPolicy;
import dev.opsh.inventory.Inventory;
import dev.opsh.lab.Lab;
import dev.opsh.lab.LabExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** backups() and backupAge() running the real pgbackrest 2.45 on the lab's repository. */
@ExtendWith(LabExtension.class)
class BackupVerbsIntegrationTest {
    private static final String AS_POSTGRES = "setpriv --reuid=postgres --regid=postgres --init-groups"
            + " --inh-caps=+dac_read_search --ambient-caps=+dac_read_search -- ";

    private final Lab lab;
    private final Inventory inventory;
    private LabSession session;

    BackupVerbsIntegrationTest(Lab lab, Inventory inventory) {
        this.lab = lab;
        this.inventory = inventory;
    }

    @BeforeEach
    void open() {
        session = new LabSession(lab, inventory);
    }

    @AfterEach
    void close() {
        session.close();
    }

    private LabSession withPolicy(String stanza, String command) {
        BackupPolicy policy = inventory.backup();
        session.close();
        session = new LabSession(lab, InventoryCopies.withBackup(inventory,
                new BackupPolicy(null, true, stanza, policy.maxAge(), command)));
        return session;
    }

    @Test
    void listsTheLabsFullBackup() {
        List<Backup> backups = session.backups();

        assertThat(backups).isNotEmpty();
        Backup first = backups.get(0);
        assertThat(first.stanza()).isEqualTo("lab");
        assertThat(first.type()).isEqualTo("full");
        assertThat(first.label()).endsWith("F");
        assertThat(first.stop()).isAfterOrEqualTo(first.start()).isBefore(Instant.now());
        assertThat(first.size()).isGreaterThan(first.repositorySize()).isGreaterThan(1_000_000);
        assertThat(first.error()).isFalse();
    }

    @Test
    void theAgeRunsFromTheStopOfTheNewestBackup() {
        Instant newestStop = session.backups().stream().map(Backup::stop).max(Instant::compareTo).orElseThrow();

        Instant before = Instant.now();
        Duration age = session.backupAge();
        Instant after = Instant.now();

        assertThat(age).isBetween(Duration.between(newestStop, before), Duration.between(newestStop, after));
        assertThat(session.notices()).noneMatch(n -> n.contains("marked in error"));
    }

    @Test
    void aStanzaThatDoesNotExistIsAnError() {
        withPolicy("no-such-stanza", inventory.backup().command());

        assertThatThrownBy(() -> session.backups())
                .isInstanceOf(OpshException.class)
                .hasMessage("stanza 'no-such-stanza' does not exist in the repository (pgbackrest info on localhost: status 1,"
                        + " missing stanza path)");
        assertThatThrownBy(() -> session.backupAge()).hasMessageStartingWith("stanza 'no-such-stanza' does not exist");
    }

    @Test
    void aMissingPgbackrestIsAnError() {
        withPolicy("lab", "/nonexistent/bin/pgbackrest");

        assertThatThrownBy(() -> session.backupAge())
                .isInstanceOf(OpshException.class)
                .hasMessage("pgbackrest is not installed or not executable on localhost: '/nonexistent/bin/pgbackrest info"
                        + " --output=json --stanza=lab' exited 127 (/bin/sh: 1: /nonexistent/bin/pgbackrest: not found)");
    }

    @Test
    void aFailingPgbackrestIsAnErrorWithItsMessage() {
        withPolicy("lab", "pgbackrest --config=/nonexistent/pgbackrest.conf");

        assertThatThrownBy(() -> session.backups())
                .hasMessage("pgbackrest info on localhost failed with exit 55: ERROR: [055]: unable to open missing file"
                        + " '/nonexistent/pgbackrest.conf' for read");
    }

    @Test
    void aStanzaWithoutAnyBackupIsAnError() throws Exception {
        Path dir = postgresOwnedDirectory();
        try {
            noBackupIn(dir);
        } finally {
            LabExtension.deleteTree(dir);
        }
    }

    private void noBackupIn(Path dir) throws IOException {
        Path config = dir.resolve("pgbackrest.conf");
        Files.writeString(config, """
                [global]
                repo1-path=%1$s/repo
                log-path=%1$s/log
                lock-path=%1$s/lock
                spool-path=%1$s/spool
                log-level-console=error
                [empty]
                pg1-path=%2$s
                pg1-port=%3$d
                pg1-socket-path=%4$s
                """.formatted(dir, lab.config().pgData(), lab.config().port("pg"), lab.config().pgDir()));
        String command = AS_POSTGRES + "pgbackrest --config=" + config;
        assertThat(new LocalCommandRunner(new InFlight()).run(null, command + " --stanza=empty stanza-create",
                Duration.ofSeconds(30)).exit()).isZero();
        withPolicy("empty", command);

        assertThatThrownBy(() -> session.backups())
                .hasMessage("stanza 'empty' has no backup at all (pgbackrest info on localhost: status 2, no valid backups)");
        assertThatThrownBy(() -> session.backupAge()).hasMessageStartingWith("stanza 'empty' has no backup at all");
    }

    @Test
    void anInventoryWithoutABackupSectionSaysSo() {
        session.close();
        session = new LabSession(lab, InventoryCopies.withBackup(inventory, null));

        assertThatThrownBy(() -> session.backupAge())
                .hasMessage("inventory 'lab' has no 'backup:' section naming the pgBackRest stanza and where to run it");
    }

    private static Path postgresOwnedDirectory() throws IOException {
        Path dir = Files.createTempDirectory("opsh-pgbackrest-empty-");
        UserPrincipalLookupService users = dir.getFileSystem().getUserPrincipalLookupService();
        for (String sub : new String[] {"", "repo", "log", "lock", "spool"}) {
            Path path = Files.createDirectories(dir.resolve(sub));
            Files.setOwner(path, users.lookupPrincipalByName("postgres"));
        }
        return dir;
    }
}
