package dev.opsh.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsh.transcript.Redactor;
import dev.opsh.transcript.SessionInfo;
import dev.opsh.transcript.TranscriptEvent;
import dev.opsh.transcript.TranscriptWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class RerunTest {
    @TempDir
    Path dir;

    @Test
    void rerunComparesResultsAndSkipsMutationsBeforeTheyRun() throws Exception {
        Files.writeString(dir.resolve("staging.yml"), """
                environment: staging
                hosts:
                  cache1: {address: 127.0.0.1, port: 1}
                services:
                  redis: {type: redis, host: cache1, port: 1}
                """);
        Path file;
        try (TranscriptWriter w = TranscriptWriter.open(dir.resolve("recorded"), new SessionInfo("staging", "staging", false,
                "alice", "host", "test", 80, 24), Redactor.patternsOnly(), Clock.systemUTC())) {
            w.append(new TranscriptEvent.Input("> ", "[depth: 6 * 2]"));
            w.append(TranscriptEvent.Result.of(Map.of("depth", 12)));
            w.append(new TranscriptEvent.Input("> ", "[depth: 5]"));
            w.append(TranscriptEvent.Result.of(Map.of("depth", 7)));
            w.append(new TranscriptEvent.Input("> ", "del('sessions:alice')"));
            w.append(TranscriptEvent.Result.of(true));
            w.append(new TranscriptEvent.Input("> ", "/mark not rerun"));
            w.end(0);
            file = w.file();
        }
        CommandLine cli = Main.commandLine(Map.of("OPSH_INVENTORY_DIR", dir.toString(),
                "OPSH_TRANSCRIPT_DIR", dir.resolve("reruns").toString(), "XDG_STATE_HOME", dir.toString()));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));

        int exit = cli.execute("replay", file.toString(), "--rerun");

        assertThat(exit).as(err.toString()).isEqualTo(1);
        assertThat(out.toString()).containsPattern("1 +\\[depth: 6 \\* 2\\] +same")
                .containsPattern("2 +\\[depth: 5\\] +differs +\\$\\.depth: 7 → 5")
                .containsPattern("3 +del\\('sessions:alice'\\) +skipped +MUTATE step")
                .doesNotContain("not rerun");
    }

    @Test
    void rerunOptionsNeedRerun() throws Exception {
        CommandLine cli = Main.commandLine(Map.of());
        cli.setErr(new PrintWriter(new StringWriter()));
        assertThat(cli.execute("replay", dir.resolve("x.jsonl").toString(), "--with-mutations")).isEqualTo(2);
    }
}
