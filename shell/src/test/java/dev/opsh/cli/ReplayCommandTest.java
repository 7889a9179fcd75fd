package dev.opsh.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opsh.replay.RecordedSession;
import dev.opsh.transcript.AnsiText;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayCommandTest {
    @TempDir
    Path dir;

    @Test
    void theSessionPlaysBackAsItLooked() {
        Path file = RecordedSession.write(dir, "staging");

        CommandRun run = CommandRun.of(new ReplayCommand(), file.toString(), "--max-idle", "0");

        assertThat(run.exit()).isEqualTo(0);
        assertThat(AnsiText.strip(run.out())).isEqualTo("staging> status()\n" + AnsiText.strip(RecordedSession.STATUS_OUTPUT)
                + "staging> restart('redis')\n" + RecordedSession.RESTART_OUTPUT);
        assertThat(run.out()).contains(RecordedSession.STATUS_OUTPUT);
        assertThat(run.err()).contains("replaying staging session of alice@bastion-1").doesNotContain("WARNING");
    }

    @Test
    void aTranscriptThatDoesNotVerifyIsPlayedWithAWarningFirst() throws Exception {
        Path file = RecordedSession.write(dir, "prod");
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        lines.remove(3);
        Files.write(file, lines);

        CommandRun run = CommandRun.of(new ReplayCommand(), file.toString(), "--speed", "1000");

        assertThat(run.exit()).isEqualTo(0);
        assertThat(run.err()).startsWith("WARNING: " + file + " does not verify: line 4 follows a removed line");
        assertThat(AnsiText.strip(run.out())).contains("prod> restart('redis')");
    }

    @Test
    void theReportGoesToStandardOutputOrAFile() throws Exception {
        Path file = RecordedSession.write(dir, "staging");

        CommandRun toOut = CommandRun.of(new ReplayCommand(), file.toString(), "--report");
        assertThat(toOut.exit()).isEqualTo(0);
        assertThat(toOut.out()).startsWith("# opsh session on staging, 2026-11-23 06:35:30 UTC")
                .contains("| 06:35:31 | +00:01 | `status()` | SERVICE   STATUS |", "**Marker:** redis is down");

        Path report = dir.resolve("postmortem.md");
        CommandRun toFile = CommandRun.of(new ReplayCommand(), file.toString(), "--report", report.toString());
        assertThat(toFile.exit()).isEqualTo(0);
        assertThat(toFile.out()).isEmpty();
        assertThat(Files.readString(report)).isEqualTo(toOut.out());
    }

    @Test
    void theAsciicastIsWrittenToAFile() throws Exception {
        Path file = RecordedSession.write(dir, "lab");
        Path cast = dir.resolve("session.cast");

        CommandRun run = CommandRun.of(new ReplayCommand(), file.toString(), "--asciicast", cast.toString(), "--max-idle", "2");

        assertThat(run.exit()).isEqualTo(0);
        List<String> lines = Files.readAllLines(cast);
        ObjectMapper json = new ObjectMapper();
        assertThat(json.readTree(lines.get(0)).path("version").asInt()).isEqualTo(2);
        assertThat(json.readTree(lines.get(0)).path("idle_time_limit").asDouble()).isEqualTo(2.0);
        assertThat(lines).hasSize(1 + 7);
        assertThat(json.readTree(lines.get(2)).get(2).asText()).isEqualTo("status()\r\n");
    }

    @Test
    void badOptionsAreUsageErrors() {
        Path file = RecordedSession.write(dir, "lab");

        assertThat(CommandRun.of(new ReplayCommand(), file.toString(), "--speed", "0").exit()).isEqualTo(2);
        assertThat(CommandRun.of(new ReplayCommand(), file.toString(), "--step").err()).contains("--step needs an interactive terminal");
        assertThat(CommandRun.of(new ReplayCommand(), dir.resolve("missing.jsonl").toString()).exit()).isEqualTo(2);
    }
}
