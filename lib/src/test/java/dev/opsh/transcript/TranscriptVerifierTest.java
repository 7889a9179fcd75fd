package dev.opsh.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsh.transcript.Verification.Outcome;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TranscriptVerifierTest {
    @TempDir
    Path dir;

    @Test
    void anUntouchedTranscriptIsIntact() {
        Verification verification = TranscriptVerifier.verify(Sessions.everyType(dir));

        assertThat(verification.outcome()).isEqualTo(Outcome.INTACT);
        assertThat(verification.verifiedLines()).isEqualTo(11);
        assertThat(verification.ended()).isTrue();
        assertThat(verification.describe()).isEqualTo("intact: 11 lines verify; the session ended normally");
    }

    @Test
    void flippingAnyByteIsFoundAsAnEditOfItsLine() throws Exception {
        Path file = Sessions.everyType(dir);
        byte[] original = Files.readAllBytes(file);
        int[] lineOf = lineNumbers(original);
        Path tampered = dir.resolve("tampered.jsonl");
        int checked = 0;
        for (int mask : new int[] {0x01, 0x20, 0x80}) {
            for (int position = 0; position < original.length; position++) {
                byte[] bytes = original.clone();
                bytes[position] ^= (byte) mask;
                Files.write(tampered, bytes);

                Verification verification = TranscriptVerifier.verify(tampered);

                assertThat(verification.outcome()).as("flip %#x at byte %d: %s", mask, position, verification.describe())
                        .isEqualTo(Outcome.EDITED);
                assertThat(verification.line()).as("flip %#x at byte %d: %s", mask, position, verification.describe())
                        .isEqualTo(lineOf[position]);
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(3000);
    }

    @Test
    void deletingAnyLineIsFoundAsARemovalBeforeTheLineThatFollowsIt() throws Exception {
        Path file = Sessions.everyType(dir);
        List<byte[]> lines = Sessions.lines(file);
        Path tampered = dir.resolve("tampered.jsonl");
        for (int removed = 1; removed < lines.size(); removed++) {
            List<byte[]> without = new ArrayList<>(lines);
            without.remove(removed - 1);
            Sessions.writeLines(tampered, without);

            Verification verification = TranscriptVerifier.verify(tampered);

            assertThat(verification.outcome()).as("line %d removed: %s", removed, verification.describe()).isEqualTo(Outcome.REMOVED);
            assertThat(verification.line()).isEqualTo(removed);
        }
        List<byte[]> noHeader = new ArrayList<>(lines.subList(1, lines.size()));
        Sessions.writeLines(tampered, noHeader);
        assertThat(TranscriptVerifier.verify(tampered).describe()).isEqualTo("line 1 follows a removed line: the header is missing");
    }

    @Test
    void removingSeveralLinesNamesHowManyAreMissing() throws Exception {
        List<byte[]> lines = new ArrayList<>(Sessions.lines(Sessions.everyType(dir)));
        lines.subList(3, 6).clear();
        Path tampered = dir.resolve("tampered.jsonl");
        Sessions.writeLines(tampered, lines);

        assertThat(TranscriptVerifier.verify(tampered).describe())
                .isEqualTo("line 4 follows a removed line: 3 events (seq 3-5) missing before it");
    }

    @Test
    void removingTheLastLineCannotBeToldFromASessionThatStopped() throws Exception {
        List<byte[]> lines = new ArrayList<>(Sessions.lines(Sessions.everyType(dir)));
        lines.remove(lines.size() - 1);
        Path shortened = dir.resolve("shortened.jsonl");
        Sessions.writeLines(shortened, lines);

        Verification verification = TranscriptVerifier.verify(shortened);

        assertThat(verification.intact()).isTrue();
        assertThat(verification.ended()).isFalse();
    }

    @Test
    void swappingAnyTwoNeighboursIsFoundAsAReorderAtTheFirstOfThem() throws Exception {
        List<byte[]> lines = Sessions.lines(Sessions.everyType(dir));
        Path tampered = dir.resolve("tampered.jsonl");
        for (int first = 1; first < lines.size(); first++) {
            List<byte[]> swapped = new ArrayList<>(lines);
            swapped.set(first - 1, lines.get(first));
            swapped.set(first, lines.get(first - 1));
            Sessions.writeLines(tampered, swapped);

            Verification verification = TranscriptVerifier.verify(tampered);

            assertThat(verification.outcome()).as("lines %d and %d swapped: %s", first, first + 1, verification.describe())
                    .isEqualTo(Outcome.REORDERED);
            assertThat(verification.line()).isEqualTo(first);
        }
    }

    @Test
    void movingALineFurtherDownIsAReorderWhereItWasTakenFrom() throws Exception {
        List<byte[]> lines = new ArrayList<>(Sessions.lines(Sessions.everyType(dir)));
        byte[] moved = lines.remove(2);
        lines.add(7, moved);
        Path tampered = dir.resolve("tampered.jsonl");
        Sessions.writeLines(tampered, lines);

        assertThat(TranscriptVerifier.verify(tampered).describe())
                .isEqualTo("line 3 is out of order: it holds seq 3 where seq 2 belongs (seq 2 is at line 8)");
    }

    @Test
    void aRepeatedLineOrALineAfterTheEndIsAnInsertion() throws Exception {
        List<byte[]> lines = Sessions.lines(Sessions.everyType(dir));
        Path tampered = dir.resolve("tampered.jsonl");
        List<byte[]> repeated = new ArrayList<>(lines);
        repeated.add(5, lines.get(4));
        Sessions.writeLines(tampered, repeated);
        Verification verification = TranscriptVerifier.verify(tampered);
        assertThat(verification.outcome()).isEqualTo(Outcome.INSERTED);
        assertThat(verification.describe()).isEqualTo("line 6 was inserted: it repeats seq 4, already at line 5");

        List<byte[]> appended = new ArrayList<>(lines);
        appended.add(lines.get(3));
        Sessions.writeLines(tampered, appended);
        assertThat(TranscriptVerifier.verify(tampered).outcome()).isEqualTo(Outcome.INSERTED);
    }

    @Test
    void anEditWhoseOwnHashWasRecomputedIsCaughtByTheNextLine() throws Exception {
        List<byte[]> lines = new ArrayList<>(Sessions.lines(Sessions.everyType(dir)));
        String line = new String(lines.get(4), StandardCharsets.UTF_8).strip();
        String body = line.substring(0, line.length() - LineCodec.TAIL).replace("checked health", "checked nothing") + "}";
        String forged = body.substring(0, body.length() - 1) + ",\"hash\":\"" + Sha256.hex(body.getBytes(StandardCharsets.UTF_8)) + "\"}\n";
        lines.set(4, forged.getBytes(StandardCharsets.UTF_8));
        Path tampered = dir.resolve("tampered.jsonl");
        Sessions.writeLines(tampered, lines);

        Verification verification = TranscriptVerifier.verify(tampered);

        assertThat(verification.outcome()).isEqualTo(Outcome.EDITED);
        assertThat(verification.describe()).isEqualTo("line 5 was edited: line 6's prev no longer matches it");
    }

    @Test
    void aTailCutOffAnywhereIsTruncatedAndWhatPrecedesItVerifies() throws Exception {
        Path file = Sessions.everyType(dir);
        byte[] original = Files.readAllBytes(file);
        int lastLineStart = lastLineStart(original);
        Path cut = dir.resolve("cut.jsonl");
        for (int length = lastLineStart + 1; length < original.length; length++) {
            Files.write(cut, Arrays.copyOf(original, length));

            Verification verification = TranscriptVerifier.verify(cut);

            assertThat(verification.outcome()).as("cut at %d: %s", length, verification.describe()).isEqualTo(Outcome.TRUNCATED);
            assertThat(verification.line()).isEqualTo(11);
            assertThat(verification.verifiedLines()).isEqualTo(10);
            assertThat(verification.tampered()).isFalse();
        }
        Files.write(cut, Arrays.copyOf(original, lastLineStart));
        assertThat(TranscriptVerifier.verify(cut).intact()).isTrue();
    }

    @Test
    void aTailOfZeroBytesAfterAPowerLossIsTruncated() throws Exception {
        Path file = Sessions.everyType(dir);
        byte[] original = Files.readAllBytes(file);
        byte[] zeroed = Arrays.copyOf(original, original.length + 300);
        Files.write(file, zeroed);

        Verification verification = TranscriptVerifier.verify(file);

        assertThat(verification.outcome()).isEqualTo(Outcome.TRUNCATED);
        assertThat(verification.line()).isEqualTo(12);
    }

    @Test
    void otherFilesAreNotTranscripts() throws Exception {
        Path empty = Files.createFile(dir.resolve("empty.jsonl"));
        assertThat(TranscriptVerifier.verify(empty).describe()).isEqualTo("not an opsh transcript: the file is empty");

        Path notes = Files.writeString(dir.resolve("notes.jsonl"), "{\"note\":\"hello\"}\n{\"note\":\"again\"}\n");
        assertThat(TranscriptVerifier.verify(notes).outcome()).isEqualTo(Outcome.NOT_A_TRANSCRIPT);

        Path future = dir.resolve("future.jsonl");
        Files.writeString(future, forgedHeader(Files.readAllLines(Sessions.everyType(dir)).get(0).replace("\"version\":1", "\"version\":2")));
        assertThat(TranscriptVerifier.verify(future).describe())
                .isEqualTo("not an opsh transcript: format version 2 is not one this opsh reads (1)");
    }

    private static String forgedHeader(String line) {
        String body = line.substring(0, line.length() - LineCodec.TAIL) + "}";
        return body.substring(0, body.length() - 1) + ",\"hash\":\"" + Sha256.hex(body.getBytes(StandardCharsets.UTF_8)) + "\"}\n";
    }

    private static int[] lineNumbers(byte[] bytes) {
        int[] numbers = new int[bytes.length];
        int line = 1;
        for (int i = 0; i < bytes.length; i++) {
            numbers[i] = line;
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return numbers;
    }

    private static int lastLineStart(byte[] bytes) {
        for (int i = bytes.length - 2; i >= 0; i--) {
            if (bytes[i] == '\n') {
                return i + 1;
            }
        }
        return 0;
    }
}
