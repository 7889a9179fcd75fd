package dev.opsh.transcript;

import dev.opsh.ExitCode;
import dev.opsh.OpshException;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a transcript's entries in file order, leniently: a line that is not a known, complete event
 * (an edited line, a truncated tail, an event type from a newer opsh) is skipped. Whether the file
 * can be trusted is {@link TranscriptVerifier}'s question, not this one's.
 */
public final class TranscriptReader implements Closeable {
    private final Path file;
    private final RawLines lines;
    private final TranscriptEvent.Header header;

    private TranscriptReader(Path file) throws IOException {
        this.file = file;
        this.lines = new RawLines(file);
        Entry first = nextDecoded();
        if (first == null || !(first.event() instanceof TranscriptEvent.Header found)
                || !TranscriptEvent.FORMAT.equals(found.format())) {
            lines.close();
            throw new OpshException(ExitCode.USAGE, file + " is not an opsh transcript: its first line is not a transcript header");
        }
        this.header = found;
    }

    /**
     * Opens {@code file} and reads its header.
     *
     * @throws OpshException if the file cannot be read or does not start with a transcript header
     */
    public static TranscriptReader open(Path file) {
        try {
            return new TranscriptReader(file);
        } catch (NoSuchFileException e) {
            throw new OpshException(ExitCode.USAGE, "no such transcript: " + file, e);
        } catch (IOException e) {
            throw new OpshException(ExitCode.USAGE, "cannot read the transcript " + file + ": " + e.getMessage(), e);
        }
    }

    /** All entries of {@code file} after the header, in file order. */
    public static List<Entry> readAll(Path file) {
        try (TranscriptReader reader = open(file)) {
            List<Entry> entries = new ArrayList<>();
            for (Entry entry = reader.next(); entry != null; entry = reader.next()) {
                entries.add(entry);
            }
            return entries;
        }
    }

    /** The header: the session this transcript records. */
    public TranscriptEvent.Header header() {
        return header;
    }

    /** The next entry after the header, or null at the end of the file. */
    public Entry next() {
        try {
            return nextDecoded();
        } catch (IOException e) {
            throw new OpshException(ExitCode.FAILURE, "cannot read the transcript " + file + ": " + e.getMessage(), e);
        }
    }

    private Entry nextDecoded() throws IOException {
        RawLines.RawLine line;
        while ((line = lines.next()) != null) {
            if (!line.terminated()) {
                continue;
            }
            Entry entry = LineCodec.decode(line.bytes(), line.length());
            if (entry != null) {
                return entry;
            }
        }
        return null;
    }

    @Override
    public void close() {
        try {
            lines.close();
        } catch (IOException ignored) {
            // Read-only; nothing to lose.
        }
    }
}
