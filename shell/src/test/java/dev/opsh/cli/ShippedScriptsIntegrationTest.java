package dev.opsh.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsh.lab.Lab;
import dev.opsh.lab.LabExtension;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The runbooks in scripts/ run green on the lab, through `opsh run`, as an operator would run them. */
@ExtendWith(LabExtension.class)
class ShippedScriptsIntegrationTest {
    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {}

    private Run run(Lab lab, String... args) {
        Path root = LabExtension.repositoryRoot();
        CommandLine cli = Main.commandLine(Map.of("OPSH_LAB_DIR", lab.dir().toString(),
                "OPSH_INVENTORY_DIR", root.resolve("inventory").toString(),
                "OPSH_TRANSCRIPT_DIR", dir.resolve("transcripts").toString(), "XDG_STATE_HOME", dir.toString()));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        String[] full = new String[args.length + 1];
        full[0] = "run";
        System.arraycopy(args, 0, full, 1, args.length);
        full[1] = root.resolve(args[0]).toString();
        return new Run(cli.execute(full), out.toString(), err.toString());
    }

    @Test
    void uploadStuckGivesAVerdictForEachHypothesis(Lab lab) {
        Run r = run(lab, "scripts/upload-stuck.groovy", "-i", "lab");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("1. job worker down", "2. queue blocked", "3. storage problem",
                "4. processing failed silently", "5. processing timed out", "stuck upload(s)");
        assertThat(r.out()).containsPattern("2\\. queue blocked +LIKELY");
    }

    @Test
    void rabbitmqDownFindsItUpAndWatchesTheQueues(Lab lab) {
        Run r = run(lab, "scripts/rabbitmq-down.groovy", "-i", "lab", "2", "1");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("is listening", "not an outage from here", "transcode_jobs");
    }

    @Test
    void theGameDayHitsEachScenarioAndRestoresIt(@TempDir Path victimDir) {
        Lab victim = LabExtension.victim(victimDir, "postgres", "redis", "haproxy", "rabbitmq");
        try {
            Run r = run(victim, "scripts/game-day.groovy", "-i", "lab");
            assertThat(r.exit()).as(r.out() + r.err()).isZero();
            assertThat(r.out()).contains("== Postgres kill", "== HAProxy stop", "== Redis kill", "== RabbitMQ stop",
                    "-- MinIO node loss: skipped, inventory 'lab' has no minio", "recovered in");
            assertThat(victim.status()).allMatch(s -> s.state().toString().equals("UP"));
        } finally {
            victim.down();
        }
    }
}
