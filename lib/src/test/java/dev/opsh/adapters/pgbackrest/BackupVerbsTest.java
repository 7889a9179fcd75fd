package dev.opsh.adapters.pgbackrest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opsh.dsl.BackupVerbs;
import dev.opsh.dsl.OpsContext;
import dev.opsh.dsl.Provisioner;
import dev.opsh.dsl.SessionEvents;
import dev.opsh.inventory.InventoryLoader;
import dev.opsh.inventory.Placeholders;
import dev.opsh.inventory.Secrets;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The backup verbs on a local policy whose command prints a captured {@code pgbackrest info}
 * sample: {@code cat FILE #} turns the appended {@code info --output=json --stanza=...} into a
 * shell comment. This reaches states a live repository cannot be put in on demand.
 */
class BackupVerbsTest {
    @TempDir
    Path dir;
    private final List<String> notices = new CopyOnWriteArrayList<>();

    private BackupVerbs printing(String sample) throws Exception {
        Path json = dir.resolve(sample);
        try (InputStream in = getClass().getResourceAsStream("/pgbackrest/" + sample)) {
            Files.copy(in, json);
        }
        Path inventory = Files.writeString(dir.resolve("captured.yml"), """
                environment: lab
                backup:
                  local: true
                  stanza: main
                  command: "cat %s #"
                """.formatted(json));
        OpsContext context = new OpsContext(new InventoryLoader(Placeholders.NONE).load(inventory), Secrets.fromSystem(),
                new SessionEvents() {
                    @Override
                    public void notice(String message) {
                        notices.add(message);
                    }
                }, Provisioner.NONE);
        return () -> context;
    }

    @Test
    void aNewerBackupInErrorIsSkippedAndNamed() throws Exception {
        BackupVerbs verbs = printing("newest-in-error.json");

        Duration age = verbs.backupAge();

        Duration sinceFull = Duration.between(Instant.ofEpochSecond(1795415689), Instant.now());
        assertThat(age).isBetween(sinceFull.minusSeconds(5), sinceFull);
        assertThat(notices).containsExactly("backup 20261123-063444F_20261123-063449I of stanza 'main' is newer but marked"
                + " in error; backupAge() counts from 20261123-063444F");
        assertThat(verbs.backups()).extracting(Backup::error).containsExactly(false, true);
    }

    @Test
    void onlyBackupsInErrorIsAnError() throws Exception {
        assertThatThrownBy(() -> printing("all-in-error.json").backupAge())
                .hasMessage("stanza 'main' has no successful backup: all 2 backups listed by pgbackrest info on localhost are"
                        + " marked in error");
    }

    @Test
    void malformedOutputIsAnError() throws Exception {
        assertThatThrownBy(() -> printing("truncated.json").backups())
                .hasMessageStartingWith("pgbackrest info on localhost printed malformed JSON: ");
    }
}
