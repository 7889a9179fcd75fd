package dev.opsh.guard;

import static dev.opsh.guard.GuardTestInventories.withBackup;
import static dev.opsh.guard.GuardTestInventories.withBackupMaxAge;
import static org.assertj.core.api.Assertions.assertThat;

import dev.opsh.adapters.ssh.FanOutResult;
import dev.opsh.inventory.BackupPolicy;
import dev.opsh.inventory.Inventory;
import dev.opsh.lab.LabExtension;
import dev.opsh.lab.LabInventory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every refusal path of the guard on the drill inventory, against the lab's real services; after
 * each, the target is checked to be as it was: still answering, the same messages, the same rows.
 */
@ExtendWith(LabExtension.class)
class GuardDrillRefusalTest {
    private static final Map<String, String> SKIP = Map.of("CONFIRM_PROD", "1", "SKIP_BACKUP_FRESHNESS", "1");

    @TempDir
    Path dir;
    private Inventory drill;
    private LabState state;

    @BeforeEach
    void drill(@LabInventory("drill") Inventory drill) {
        this.drill = drill;
        this.state = new LabState(drill);
    }

    @Test
    void withoutConfirmProdNothingRunsAndTheServiceStillAnswers() {
        for (Map<String, String> env : java.util.List.of(Map.<String, String>of(), Map.of("CONFIRM_PROD", "true"))) {
            try (DrillSession session = new DrillSession(drill, env, "KILL-PROD")) {
                assertThat(session.refused("kill('postgres')")).contains("needs CONFIRM_PROD=1");
                assertThat(session.prompt.asked).isEmpty();
                assertThat(session.events.remote).isEmpty();
            }
            assertThat(state.sqlValue("select 1")).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"purge transcode_job", "PURGE TRANSCODE_JOBS", "", "<EOF>"})
    void aWrongPhraseLosesNoMessage(String typed) {
        long before = state.readyMessages("transcode_jobs");
        String[] answers = typed.equals("<EOF>") ? new String[0] : new String[] {typed};
        try (DrillSession session = new DrillSession(drill, DrillSession.confirmed(), answers)) {
            String refusal = session.refused("purge('transcode_jobs')");

            assertThat(refusal).contains(typed.equals("<EOF>") ? "no phrase was typed" : "not exactly 'purge transcode_jobs'");
            assertThat(session.prompt.shown.get(0).action().messagesLost()).isEqualTo(before);
        }
        assertThat(state.readyMessages("transcode_jobs")).isEqualTo(before).isPositive();
    }

    @ParameterizedTest
    @ValueSource(strings = {"kill-prod", "KILL PROD", "KILL-PROD ", "yes"})
    void aWrongPhraseKillsNothing(String typed) {
        try (DrillSession session = new DrillSession(drill, SKIP, typed)) {
            assertThat(session.refused("kill('redis')")).contains("not exactly 'KILL-PROD'");
            assertThat(session.events.remote).isEmpty();
        }
        assertThat(state.redisPing()).isEqualTo("PONG");
    }

    @Test
    void noTerminalInScriptModeRefuses() {
        String digest = state.uploadTablesDigest();
        try (DrillSession session = new DrillSession(drill, DrillSession.confirmed())) {
            assertThat(session.refused("requeueStuck()")).contains("no phrase was typed");
        }
        assertThat(state.uploadTablesDigest()).isEqualTo(digest);
    }

    @Test
    void aStaleBackupRefusesChaos() {
        Inventory stale = withBackupMaxAge(drill, Duration.ofMillis(1));
        try (DrillSession session = new DrillSession(stale, DrillSession.confirmed(), "KILL-PROD")) {
            assertThat(session.refused("kill('redis')")).contains("backup-freshness pre-flight failed")
                    .contains("older than the inventory's backup.maxAge of 1ms");
            assertThat(session.prompt.asked).isEmpty();
            assertThat(session.events.lastGuard().backupFreshnessSkipped()).isFalse();
        }
        assertThat(state.redisPing()).isEqualTo("PONG");
    }

    @Test
    void aStanzaWithoutBackupsRefusesChaos() throws Exception {
        Path repo = postgresOwned(dir.resolve("empty-repo"));
        String command = drill.backup().command() + " --repo1-path=" + repo;
        run(command + " --stanza=" + drill.backup().stanza() + " stanza-create");
        try (DrillSession session = new DrillSession(withBackup(drill, policy(command, drill.backup().stanza())),
                DrillSession.confirmed(), "KILL-PROD")) {
            assertThat(session.refused("stop('redis')")).contains("has no backup at all").contains("no valid backups");
        }
        assertThat(state.redisPing()).isEqualTo("PONG");
    }

    @Test
    void aMissingOrBrokenStanzaRefusesChaos() throws Exception {
        try (DrillSession session = new DrillSession(withBackup(drill, policy(drill.backup().command(), "nosuch")),
                DrillSession.confirmed(), "KILL-PROD")) {
            assertThat(session.refused("kill('redis')")).contains("stanza 'nosuch' does not exist");
        }
        Path repo = postgresOwned(dir.resolve("broken-repo"));
        String command = drill.backup().command() + " --repo1-path=" + repo;
        run(command + " --stanza=" + drill.backup().stanza() + " stanza-create");
        try (var files = Files.walk(repo)) {
            for (Path info : files.filter(p -> p.getFileName().toString().startsWith("backup.info")).toList()) {
                Files.writeString(info, "not an info file\n");
            }
        }
        try (DrillSession session = new DrillSession(withBackup(drill, policy(command, drill.backup().stanza())),
                DrillSession.confirmed(), "KILL-PROD")) {
            assertThat(session.refused("kill('redis')")).contains("is not healthy").contains("status 99");
        }
        try (DrillSession session = new DrillSession(withBackup(drill, policy("/nonexistent/pgbackrest", "lab")),
                DrillSession.confirmed(), "KILL-PROD")) {
            assertThat(session.refused("kill('redis')")).contains("pgbackrest is not installed or not executable");
        }
        assertThat(state.redisPing()).isEqualTo("PONG");
    }

    @Test
    void skipBackupFreshnessIsHonouredLoudlyAndRecordedButTheKillStillNeedsThePhrase() {
        Inventory stale = withBackupMaxAge(drill, Duration.ofMillis(1));
        try (DrillSession session = new DrillSession(stale, SKIP, "KILL-PROD?")) {
            session.refused("kill('redis')");

            assertThat(session.prompt.asked).singleElement().asString().contains("KILL-PROD");
            assertThat(session.events.lastGuard().backupFreshnessSkipped()).isTrue();
            assertThat(session.events.notices).anySatisfy(n -> assertThat(n).startsWith("WARNING:").contains("SKIP_BACKUP_FRESHNESS=1"));
        }
        assertThat(state.redisPing()).isEqualTo("PONG");
    }

    @Test
    void aMetacharacterSmuggledIntoAnAllowedCommandIsAMutation() {
        Path marker = dir.resolve("smuggled");
        String labctl = drill.backup().command().replaceFirst(" pgbackrest$", "");
        try (DrillSession session = new DrillSession(drill, DrillSession.confirmed())) {
            FanOutResult uptime = session.eval("ssh('lab', 'uptime')");
            assertThat(uptime.getFailed()).isEmpty();
            FanOutResult status = session.eval("ssh('lab', '" + labctl + " status')");
            assertThat(status.get(0).stdout()).contains("redis");
            assertThat(session.events.guards).as("read-only commands run freely").isEmpty();

            for (String command : java.util.List.of("uptime; touch " + marker, "uptime && touch " + marker,
                    "cat /etc/hostname | tee " + marker, "ls > " + marker, "uptime `touch " + marker + "`",
                    "uptime $(touch " + marker + ")", "uptime\ntouch " + marker, labctl + " status || " + labctl + " kill redis",
                    labctl + " kill redis", "touch " + marker)) {
                assertThat(session.refused("ssh('lab', '''" + command + "''')")).as(command).contains("no phrase was typed");
                assertThat(session.prompt.shown.get(session.prompt.shown.size() - 1).text()).contains("not read-only");
            }
        }
        assertThat(marker).doesNotExist();
        assertThat(state.redisPing()).isEqualTo("PONG");
    }

    private static BackupPolicy policy(String command, String stanza) {
        return new BackupPolicy(null, true, stanza, Duration.ofHours(24), command);
    }

    private static Path postgresOwned(Path repo) throws IOException {
        Files.createDirectories(repo);
        UserPrincipalLookupService users = repo.getFileSystem().getUserPrincipalLookupService();
        Files.setOwner(repo, users.lookupPrincipalByName("postgres"));
        return repo;
    }

    private static void run(String command) throws Exception {
        Process process = new ProcessBuilder("/bin/sh", "-c", command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
    }
}
