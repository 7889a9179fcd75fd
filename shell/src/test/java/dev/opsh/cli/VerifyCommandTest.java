package dev.opsh.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsh.replay.RecordedSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifyCommandTest {
    @TempDir
    Path dir;

    @Test
    void anIntactTranscriptExitsZero() {
        Path file = RecordedSession.write(dir, "staging");

        CommandRun run = CommandRun.of(new VerifyCommand(), file.toString());

        assertThat(run.exit()).isEqualTo(0);
        assertThat(run.out()).isEqualTo(file + ": intact: 7 lines verify; the session ended normally\n");
    }

    @Test
    void anEditedLineExitsOneAndIsNamed() throws Exception {
        Path file = RecordedSession.write(dir, "prod");
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        lines.set(3, lines.get(3).replace("redis is down", "all good"));
        Files.write(file, lines);

        CommandRun run = CommandRun.of(new VerifyCommand(), file.toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).isEqualTo(file + ": line 4 was edited: its content no longer matches its hash\n");
    }

    @Test
    void aRemovedLineAndATruncatedTailAreNamed() throws Exception {
        Path file = RecordedSession.write(dir, "lab");
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        lines.remove(2);
        Path removed = Files.write(dir.resolve("removed.jsonl"), lines);
        byte[] bytes = Files.readAllBytes(file);
        Path truncated = Files.write(dir.resolve("truncated.jsonl"), java.util.Arrays.copyOf(bytes, bytes.length - 20));

        assertThat(CommandRun.of(new VerifyCommand(), removed.toString()).out())
                .isEqualTo(removed + ": line 3 follows a removed line: 1 event (seq 2) missing before it\n");
        CommandRun cut = CommandRun.of(new VerifyCommand(), truncated.toString());
        assertThat(cut.exit()).isEqualTo(1);
        assertThat(cut.out()).contains("line 7 is truncated", "lines 1-6 verify");
    }

    @Test
    void aMissingFileOrAnotherKindOfFileIsAUsageError() throws Exception {
        CommandRun missing = CommandRun.of(new VerifyCommand(), dir.resolve("nope.jsonl").toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).isEqualTo("no such transcript: " + dir.resolve("nope.jsonl") + "\n");

        Path other = Files.writeString(dir.resolve("other.jsonl"), "hello\n");
        CommandRun notTranscript = CommandRun.of(new VerifyCommand(), other.toString());
        assertThat(notTranscript.exit()).isEqualTo(2);
        assertThat(notTranscript.out()).contains("not an opsh transcript");

        assertThat(CommandRun.of(new VerifyCommand()).exit()).isEqualTo(2);
    }
}
