package dev.opsh.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsh.transcript.Entry;
import dev.opsh.transcript.Frame;
import dev.opsh.transcript.Playback;
import dev.opsh.transcript.TranscriptEvent;
import dev.opsh.transcript.TranscriptReader;
import dev.opsh.transcript.TranscriptVerifier;
import dev.opsh.transcript.Verification;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The transcript of a real shell process: what it records, that replay shows it, and that kill -9 loses nothing. */
class TranscriptSessionTest {
    @TempDir
    Path dir;

    private Process shell(String inventory, String... args) throws IOException {
        Files.writeString(dir.resolve("staging.yml"), "environment: staging\nhosts:\n  web1: {address: 127.0.0.1}\n");
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "-i", inventory));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("OPSH_INVENTORY_DIR", dir.toString());
        builder.environment().put("OPSH_TRANSCRIPT_DIR", dir.resolve("transcripts").toString());
        builder.environment().put("XDG_STATE_HOME", dir.resolve("state").toString());
        builder.environment().remove("INVENTORY");
        return builder.start();
    }

    private Path transcript() throws IOException {
        try (Stream<Path> files = Files.list(dir.resolve("transcripts"))) {
            return files.filter(f -> f.toString().endsWith(".jsonl")).findFirst().orElseThrow();
        }
    }

    @Test
    void aSessionIsRecordedAndReplaysAsItWasShown() throws Exception {
        Process p = shell("staging");
        try (OutputStream keys = p.getOutputStream()) {
            keys.write("def depth = [transcode_jobs: 12, dmca_propagation: 2]\ndepth.transcode_jobs * 2\n/mark after the check\nnosuchverb()\n/exit\n"
                    .getBytes(StandardCharsets.UTF_8));
        }
        String shown = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).isZero();

        Path file = transcript();
        assertThat(TranscriptVerifier.verify(file).intact()).isTrue();
        List<Entry> entries = TranscriptReader.readAll(file);
        assertThat(entries).extracting(e -> e.event().getClass().getSimpleName())
                .contains("Input", "Output", "Result", "Marker", "Failure", "End");
        // Replay shows the same outputs, in the same order, as the operator saw.
        TranscriptEvent.Header header;
        try (TranscriptReader reader = TranscriptReader.open(file)) {
            header = reader.header();
        }
        List<String> replayed = Playback.frames(header, entries).stream()
                .filter(f -> f.kind() == Frame.Kind.OUTPUT).map(Frame::text).toList();
        assertThat(replayed).contains("24");
        int at = 0;
        for (String output : replayed) {
            int found = shown.indexOf(output, at);
            assertThat(found).as("replayed output '%s' was shown, in order", output).isGreaterThanOrEqualTo(0);
            at = found + output.length();
        }
        assertThat(replayed).anyMatch(o -> o.contains("unknown verb or method 'nosuchverb'"));
    }

    @Test
    void killingTheShellLosesAtMostTheEventInFlight() throws Exception {
        Process p = shell("staging");
        OutputStream keys = p.getOutputStream();
        keys.write("def x = 20\nx + 22\n".getBytes(StandardCharsets.UTF_8));
        keys.flush();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline && !(Files.isDirectory(dir.resolve("transcripts"))
                && Files.readString(transcript()).contains("\"value\":42"))) {
            Thread.sleep(50);
        }
        p.destroyForcibly().waitFor();
        assertThat(p.exitValue()).isEqualTo(137);

        Verification verification = TranscriptVerifier.verify(transcript());
        assertThat(verification.intact()).as(verification.describe()).isTrue();
        assertThat(verification.ended()).isFalse();
        assertThat(TranscriptReader.readAll(transcript())).extracting(Entry::event)
                .contains(new TranscriptEvent.Input(" staging  > ", "x + 22"));
    }

    @Test
    void noTranscriptIsRefusedOnAProtectedInventory() throws Exception {
        Files.writeString(dir.resolve("prod.yml"), "environment: prod\n");
        Process p = shell("prod", "--no-transcript", "-e", "1");
        String shown = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).isEqualTo(2);
        assertThat(shown).contains("--no-transcript is refused on the protected inventory 'prod'");
    }
}
