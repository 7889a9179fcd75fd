package dev.opsh.adapters.pgbackrest;

import static dev.opsh.adapters.pgbackrest.PgBackRestInfoParserTest.sample;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opsh.OpshException;
import dev.opsh.adapters.CommandResult;
import dev.opsh.inventory.BackupPolicy;
import dev.opsh.inventory.Host;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How pgbackrest's exit codes and status codes become errors; the command's output is given, not run. */
class PgBackRestTest {
    private static final Host DB1 = new Host("db1", "db1.example.net", "ops", 22, null, false);
    private final List<String> ran = new ArrayList<>();

    private PgBackRest answering(String stanza, int exit, String stdout, String stderr) {
        BackupPolicy policy = new BackupPolicy("db1", false, stanza, Duration.ofHours(24), "pgbackrest --config=/etc/pgb.conf");
        return new PgBackRest(policy, DB1, (host, command, timeout) -> {
            ran.add(host.name() + ": " + command);
            return new CommandResult(host.name(), command, exit, stdout, stderr, Duration.ofMillis(16));
        }, Duration.ofSeconds(7));
    }

    @Test
    void runsInfoForTheStanzaOnTheBackupHost() {
        List<Backup> backups = answering("main", 0, sample("two-backups.json"), "").backups();

        assertThat(backups).hasSize(2);
        assertThat(ran).containsExactly("db1: pgbackrest --config=/etc/pgb.conf info --output=json --stanza=main");
    }

    @Test
    void quotesAStanzaThatIsNotAPlainWord() {
        assertThat(answering("it's main", 0, "", "").command()).endsWith("--stanza='it'\\''s main'");
    }

    @Test
    void aMissingStanzaSaysSo() {
        assertThatThrownBy(() -> answering("nope", 0, sample("missing-stanza.json"), "").backups())
                .isInstanceOf(OpshException.class)
                .hasMessage("stanza 'nope' does not exist in the repository (pgbackrest info on db1: status 1, missing stanza path)");
    }

    @Test
    void noBackupAtAllIsAnError() {
        assertThatThrownBy(() -> answering("main", 0, sample("no-backups.json"), "").backups())
                .hasMessage("stanza 'main' has no backup at all (pgbackrest info on db1: status 2, no valid backups)");
    }

    @Test
    void anotherStatusCodeIsAnErrorWithTheRepositoryMessage() {
        assertThatThrownBy(() -> answering("main", 0, sample("repo-unreadable.json"), "").backups())
                .hasMessageStartingWith("stanza 'main' is not healthy: pgbackrest info on db1 reports status 99 (other; repo1: [PathOpenError]")
                .hasMessageContaining("Permission denied");
    }

    @Test
    void aNonZeroExitQuotesPgbackrestsError() {
        String stderr = "WARN: option 'repo1-retention-full' is not set\n"
                + "ERROR: [055]: unable to open missing file '/etc/pgb.conf' for read\n";
        assertThatThrownBy(() -> answering("main", 55, "", stderr).backups())
                .hasMessage("pgbackrest info on db1 failed with exit 55: ERROR: [055]: unable to open missing file"
                        + " '/etc/pgb.conf' for read");
    }

    @Test
    void exit127MeansNotInstalled() {
        assertThatThrownBy(() -> answering("main", 127, "", "sh: 1: pgbackrest: not found\n").backups())
                .hasMessage("pgbackrest is not installed or not executable on db1: 'pgbackrest --config=/etc/pgb.conf info"
                        + " --output=json --stanza=main' exited 127 (sh: 1: pgbackrest: not found)");
    }

    @Test
    void malformedOutputIsAnError() {
        assertThatThrownBy(() -> answering("main", 0, sample("truncated.json"), "").backups())
                .hasMessageStartingWith("pgbackrest info on db1 printed malformed JSON");
    }
}
