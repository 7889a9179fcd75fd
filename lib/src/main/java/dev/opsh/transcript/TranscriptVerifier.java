package dev.opsh.transcript;

import dev.opsh.ExitCode;
import dev.opsh.OpshException;
import dev.opsh.transcript.Verification.Outcome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a transcript's hash chain and names the first bad line and why. Each line must match its
 * own {@code hash}, its {@code prev} must be the SHA-256 of the previous line's bytes, and its
 * {@code seq} must follow the previous one. Which of these break tells an edit from a removal, a
 * reorder, an insertion, or a tail cut off by a crash; docs/transcript.md lists the rules.
 */
public final class TranscriptVerifier {
    private static final byte[] FORMAT_MARK = ("\"" + TranscriptEvent.FORMAT + "\"").getBytes(StandardCharsets.US_ASCII);

    private TranscriptVerifier() {}

    /** The verification of {@code file}. */
    public static Verification verify(Path file) {
        List<LineFacts> lines = new ArrayList<>();
        HeaderFacts header;
        try (RawLines raw = new RawLines(file)) {
            header = LineFacts.read(raw, lines);
        } catch (NoSuchFileException e) {
            throw new OpshException(ExitCode.USAGE, "no such transcript: " + file, e);
        } catch (IOException e) {
            throw new OpshException(ExitCode.FAILURE, "cannot read the transcript " + file + ": " + e.getMessage(), e);
        }
        if (lines.isEmpty()) {
            return Verification.bad(Outcome.NOT_A_TRANSCRIPT, 0, "the file is empty");
        }
        return new Chain(lines, header).check();
    }

    /** What the first line says it is. */
    record HeaderFacts(String format, int version) {}

    /** What pass one learned about one line; the bytes themselves are not kept. */
    record LineFacts(int number, boolean terminated, boolean nul, boolean hashTail, boolean selfOk, boolean formatMark,
                     boolean lostNewline, long seq, boolean isHeader, boolean isEnd, boolean linkOk) {

        static HeaderFacts read(RawLines raw, List<LineFacts> into) throws IOException {
            String previousHash = LineCodec.ANCHOR;
            HeaderFacts header = null;
            RawLines.RawLine line;
            while ((line = raw.next()) != null) {
                byte[] bytes = line.bytes();
                int length = line.length();
                Envelope json = LineCodec.envelope(bytes, length);
                if (line.number() == 1 && json != null) {
                    header = new HeaderFacts(json.format(), json.version());
                }
                boolean terminated = line.terminated();
                into.add(new LineFacts(line.number(), terminated, !terminated && contains(bytes, length, (byte) 0),
                        LineCodec.hasHashTail(bytes, length), LineCodec.selfConsistent(bytes, length),
                        line.number() == 1 && indexOf(bytes, length, FORMAT_MARK) >= 0,
                        !terminated && length > 1 && LineCodec.selfConsistent(bytes, length - 1),
                        json == null ? -1 : json.seq(), json != null && json.type().equals("header"),
                        json != null && json.type().equals("end"), json != null && previousHash.equals(json.prev())));
                previousHash = Sha256.hex(bytes, length);
            }
            return header;
        }

        boolean wellFormed() {
            return selfOk && seq >= 0;
        }
    }

    /** Pass two: the rules, in line order; the first that fails names the line. */
    private record Chain(List<LineFacts> lines, HeaderFacts header) {
        Verification check() {
            int last = lines.size();
            for (int number = 1; number <= last; number++) {
                LineFacts line = lines.get(number - 1);
                Verification bad = number == last ? checkTail(line) : null;
                if (bad == null) {
                    bad = checkLine(line);
                }
                if (bad != null) {
                    return bad;
                }
            }
            return Verification.intact(last, lines.get(last - 1).isEnd());
        }

        private Verification checkTail(LineFacts line) {
            if (line.terminated()) {
                return null;
            }
            if (line.number() == 1 && !line.formatMark()) {
                return Verification.bad(Outcome.NOT_A_TRANSCRIPT, 1, "line 1 is not an opsh transcript header");
            }
            if (line.lostNewline()) {
                return Verification.bad(Outcome.EDITED, line.number(), "was edited: the byte after its end replaced its newline");
            }
            return Verification.bad(Outcome.TRUNCATED, line.number(), line.nul()
                    ? "it holds zero bytes where its text should be" : "it has no newline at its end");
        }

        private Verification checkLine(LineFacts line) {
            int number = line.number();
            if (!line.wellFormed()) {
                if (number == 1 && !line.hashTail() && !line.formatMark()) {
                    return Verification.bad(Outcome.NOT_A_TRANSCRIPT, 1, "line 1 is not an opsh transcript header");
                }
                return Verification.bad(Outcome.EDITED, number, line.hashTail()
                        ? "was edited: its content no longer matches its hash"
                        : "was edited: it is not a complete transcript line");
            }
            long expected = number == 1 ? 0 : lines.get(number - 2).seq() + 1;
            if (line.seq() > expected) {
                return outOfPlace(line, expected);
            }
            if (line.seq() < expected) {
                return Verification.bad(Outcome.INSERTED, number, "was inserted: it repeats seq " + line.seq()
                        + ", already at line " + lineOf(line.seq(), 0));
            }
            if (!line.linkOk()) {
                return edited(line);
            }
            if (number == 1) {
                return checkHeader(line);
            }
            if (lines.get(number - 2).isEnd() || line.isHeader()) {
                return Verification.bad(Outcome.INSERTED, number, line.isHeader()
                        ? "was inserted: a second header" : "was inserted: it follows the end event");
            }
            return null;
        }

        private Verification outOfPlace(LineFacts line, long expected) {
            int number = line.number();
            int elsewhere = lineOf(expected, number);
            if (elsewhere > 0) {
                return Verification.bad(Outcome.REORDERED, number, "is out of order: it holds seq " + line.seq()
                        + " where seq " + expected + " belongs (seq " + expected + " is at line " + elsewhere + ")");
            }
            if (number == 1 && expected == 0) {
                return Verification.bad(Outcome.REMOVED, 1, "follows a removed line: the header is missing");
            }
            long missing = line.seq() - expected;
            return Verification.bad(Outcome.REMOVED, number, "follows a removed line: " + missing
                    + (missing == 1 ? " event (seq " + expected + ")" : " events (seq " + expected + "-" + (line.seq() - 1) + ")")
                    + " missing before it");
        }

        private Verification edited(LineFacts line) {
            int number = line.number();
            if (number == 1) {
                return Verification.bad(Outcome.EDITED, 1, "was edited: its prev is not the anchor of 64 zeros");
            }
            boolean nextAlsoBroken = number < lines.size() && !lines.get(number).linkOk()
                    && lines.get(number).seq() == line.seq() + 1;
            if (nextAlsoBroken) {
                return Verification.bad(Outcome.EDITED, number, "was edited: its prev does not match line " + (number - 1)
                        + " and line " + (number + 1) + "'s prev does not match it");
            }
            return Verification.bad(Outcome.EDITED, number - 1, "was edited: line " + number
                    + "'s prev no longer matches it");
        }

        private Verification checkHeader(LineFacts line) {
            if (!line.isHeader() || header == null || !TranscriptEvent.FORMAT.equals(header.format())) {
                return Verification.bad(Outcome.NOT_A_TRANSCRIPT, 1, "line 1 is not an opsh transcript header");
            }
            if (header.version() > TranscriptEvent.VERSION || header.version() < 1) {
                return Verification.bad(Outcome.NOT_A_TRANSCRIPT, 1, "format version " + header.version()
                        + " is not one this opsh reads (" + TranscriptEvent.VERSION + ")");
            }
            return null;
        }

        /** The first line after {@code after} that holds {@code seq}, or 0. */
        private int lineOf(long seq, int after) {
            for (int i = after; i < lines.size(); i++) {
                if (lines.get(i).seq() == seq) {
                    return i + 1;
                }
            }
            return 0;
        }
    }

    private static boolean contains(byte[] bytes, int length, byte b) {
        for (int i = 0; i < length; i++) {
            if (bytes[i] == b) {
                return true;
            }
        }
        return false;
    }

    private static int indexOf(byte[] bytes, int length, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (bytes[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
