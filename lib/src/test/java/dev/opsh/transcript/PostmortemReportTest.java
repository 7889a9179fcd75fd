package dev.opsh.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostmortemReportTest {
    @TempDir
    Path dir;

    @Test
    void theReportIsATimelineOfTheSession() {
        String report = PostmortemReport.markdown(Sessions.everyType(dir));

        assertThat(report).startsWith("# opsh session on staging, 2026-11-23 06:35:30 UTC\n");
        assertThat(report).contains(
                "- **Environment:** staging, inventory `inventory/staging.yml`",
                "- **Operator:** alice on bastion-1",
                "- **Started:** 2026-11-23 06:35:30 UTC",
                "- **Ended:** 2026-11-23 06:35:35 UTC, exit code 0",
                "- **Duration:** 6.0s",
                "- **Integrity:** the hash chain verifies (11 lines)");
        assertThat(report).contains("""
                ## Timeline

                | Time (UTC) | Since start | Command | Result |
                |---|---|---|---|---|
                """.replace("|---|---|---|---|---|", "|---|---|---|---|"));
        assertThat(report).contains(
                "| 06:35:31 | +00:01 | `status()` | 1 item: {\"service\":\"postgres\",\"status\":\"UP\",\"latency\":\"PT0.003S\"} |",
                "| 06:35:35 | +00:05 | **Marker:** checked health |  |",
                "| 06:35:35 | +00:05 | `restart('redis')` | error: restart refused: CONFIRM_PROD is not set |",
                "| 06:35:35 | `restart('redis')` | refused | CONFIRM_PROD is not set | checked | restart redis on redis-1: systemctl restart redis |",
                "| 06:35:35 | `restart('redis')` | restart refused: CONFIRM_PROD is not set |",
                "| 06:35:35 | redis-1 | `systemctl is-active redis` | 0 | 42ms |");
        assertThat(report).contains("## Chaos actions\n\nNone.\n");
    }

    @Test
    void chaosActionsAreFoundInResultsAloneOrNestedAndCountedOnce() {
        TestClock clock = new TestClock(Sessions.START);
        Instant down = Sessions.START.plusSeconds(61);
        Kill redis = new Kill("redis", "kill", "PONG after restart", down, down.plusMillis(2500), Duration.ofMillis(2500));
        Kill mq = new Kill("rabbitmq", "kill", "still down", down.plusSeconds(30), null, null);
        Path file;
        try (TranscriptWriter writer = TranscriptWriter.open(dir, Sessions.info("lab"), Redactor.patternsOnly(), clock)) {
            clock.advance(60_000);
            writer.append(new TranscriptEvent.Input("lab> ", "kill('redis')"));
            clock.advance(3000);
            writer.append(TranscriptEvent.Result.of(redis));
            writer.append(new TranscriptEvent.Input("lab> ", "gameDay()"));
            writer.append(TranscriptEvent.Result.of(new GameDay("2 scenarios", List.of(redis, mq))));
            file = writer.file();
        }

        String report = PostmortemReport.markdown(file);

        assertThat(report).contains(
                "| 06:36:33 | redis | kill | 06:36:31 | 06:36:33 | 2.5s | PONG after restart |",
                "| 06:36:33 | rabbitmq | kill | 06:37:01 | **not recovered** |  | still down |");
        assertThat(report.lines().filter(l -> l.contains("| redis | kill |"))).hasSize(1);
        assertThat(report).contains("- **Ended:** not recorded; the session stopped without an end event (last event 2026-11-23 06:36:33 UTC)");
    }

    @Test
    void aTranscriptThatDoesNotVerifySaysSoAtTheTop() throws Exception {
        Path file = Sessions.everyType(dir);
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(file));
        lines.set(3, lines.get(3).replace("postgres", "postgrex"));
        Files.write(file, lines);

        assertThat(PostmortemReport.markdown(file))
                .contains("- **Integrity:** WARNING, the transcript does not verify: line 4 was edited: its content no longer matches its hash");
    }

    @Test
    void cellsStayOnOneLineAndPipesAreEscaped() {
        assertThat(Markdown.cell("a | b\nc")).isEqualTo("a \\| b ⏎ c");
        assertThat(Markdown.code("println `x`")).isEqualTo("`` println `x` ``");
        assertThat(Markdown.cell("x".repeat(200))).hasSize(120).endsWith("…");
        assertThat(Markdown.offset(3_725_000)).isEqualTo("+1:02:05");
    }

    record Kill(String target, String action, String observed, Instant downAt, Instant recoveredAt,
                Duration timeToRecover) implements ChaosOutcome {}

    record GameDay(String summary, List<Kill> actions) {}
}
