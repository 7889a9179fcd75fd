package dev.opsh.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsh.transcript.Verification.Outcome;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A writer in another JVM is killed with SIGKILL mid-stream; every acknowledged event must survive. */
class DurabilityTest {
    @TempDir
    Path dir;

    @Test
    void aKilledWriterLeavesAFileThatVerifiesUpToItsLastEvent() throws Exception {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(javaBin.toString(), "-cp", classpath, AppendUntilKilled.class.getName(), dir.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        Path file;
        long lastAcked = -1;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String first = out.readLine();
            assertThat(first).as("the child's first line").startsWith("file ");
            file = Path.of(first.substring(5));
            String line;
            while ((line = out.readLine()) != null) {
                lastAcked = Long.parseLong(line.substring(6));
                if (lastAcked == 300) {
                    child.destroyForcibly(); // SIGKILL on Linux; it also closes our end of its output
                    break;
                }
            }
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            child.destroyForcibly();
        }
        assertThat(child.exitValue()).as("killed by SIGKILL").isEqualTo(128 + 9);

        Verification verification = TranscriptVerifier.verify(file);

        assertThat(verification.outcome()).as(verification.describe()).isIn(Outcome.INTACT, Outcome.TRUNCATED);
        assertThat(verification.ended()).isFalse();
        assertThat((long) verification.verifiedLines()).as("header plus every acknowledged event").isGreaterThanOrEqualTo(lastAcked + 1);
        List<Entry> entries = TranscriptReader.readAll(file);
        assertThat(entries.subList(0, (int) lastAcked)).extracting(Entry::seq)
                .isEqualTo(LongStream.rangeClosed(1, lastAcked).boxed().toList());
    }
}
