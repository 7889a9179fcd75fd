package dev.opsh.transcript;

import dev.opsh.ExitCode;
import dev.opsh.OpshException;
import java.io.IOException;
import java.io.FileOutputStream;
import java.nio.channels.FileChannel;
import java.util.Arrays;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Appends a session's events to its transcript, one JSON line each, chained by SHA-256 (see
 * docs/transcript.md). {@link #append} returns only after the line is on disk (fsync), so a
 * {@code kill -9} loses at most the event being written. The file is created with mode 0600.
 * Every string is redacted before it is hashed and written. Safe to call from several threads.
 */
public final class TranscriptWriter implements AutoCloseable {
    private final Path file;
    /**
     * A stream, not a FileChannel: a channel written from an interrupted thread closes itself, and
     * the operator's Ctrl-C interrupts the thread that records, so a channel would stop the transcript.
     */
    private final FileOutputStream out;
    private final Redactor redactor;
    private final Clock clock;
    private final TranscriptEvent.Header header;
    private long seq;
    private long lastT;
    private String prev = LineCodec.ANCHOR;
    private boolean ended;
    private boolean closed;

    private TranscriptWriter(Path file, FileOutputStream out, Redactor redactor, Clock clock, TranscriptEvent.Header header) {
        this.file = file;
        this.out = out;
        this.redactor = redactor;
        this.clock = clock;
        this.header = header;
    }

    /** Opens a new transcript in {@link TranscriptLocation#directory()} and writes its header. */
    public static TranscriptWriter open(SessionInfo session, Redactor redactor) {
        return open(TranscriptLocation.directory(), session, redactor, Clock.systemUTC());
    }

    /** Opens a new transcript in {@code directory} (created 0700 if missing) and writes its header. */
    public static TranscriptWriter open(Path directory, SessionInfo session, Redactor redactor, Clock clock) {
        Instant start = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        UUID id = UUID.randomUUID();
        Path file = directory.resolve(TranscriptLocation.fileName(start, session.environment(), id));
        TranscriptEvent.Header header = new TranscriptEvent.Header(TranscriptEvent.FORMAT, TranscriptEvent.VERSION, id,
                session.inventory(), session.environment(), session.isProtected(), session.user(), session.host(),
                session.opshVersion(), start, session.cols(), session.rows());
        try {
            Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            FileOutputStream out = new FileOutputStream(file.toFile(), true);
            syncDirectory(directory);
            TranscriptWriter writer = new TranscriptWriter(file, out, redactor, clock, header);
            writer.write(header, start);
            return writer;
        } catch (IOException e) {
            throw new OpshException(ExitCode.FAILURE, "cannot create the transcript " + file + ": " + e.getMessage()
                    + " (set OPSH_TRANSCRIPT_DIR to a writable directory)", e);
        }
    }

    /** The transcript file. */
    public Path file() {
        return file;
    }

    /** The header written as the first line. */
    public TranscriptEvent.Header header() {
        return header;
    }

    /**
     * Appends {@code event} and returns its sequence number once it is on disk. An {@link TranscriptEvent.End} ends the
     * transcript; appending after it is a bug and throws {@link IllegalStateException}.
     *
     * @throws OpshException if the line cannot be written or synced
     */
    public synchronized long append(TranscriptEvent event) {
        if (event instanceof TranscriptEvent.Header) {
            throw new IllegalArgumentException("the header is written by open()");
        }
        if (ended || closed) {
            throw new IllegalStateException("transcript " + file + " has ended; cannot append " + event);
        }
        try {
            long written = write(event, clock.instant().truncatedTo(ChronoUnit.MILLIS));
            ended = event instanceof TranscriptEvent.End;
            return written;
        } catch (IOException e) {
            closed = true;
            closeQuietly();
            throw new OpshException(ExitCode.FAILURE, "cannot write the transcript " + file + ": " + e.getMessage(), e);
        }
    }

    /** Appends the {@code end} event with the session's exit code. */
    public void end(int exitCode) {
        append(new TranscriptEvent.End(exitCode));
    }

    /** Whether the end event has been written. */
    public synchronized boolean ended() {
        return ended;
    }

    /**
     * Closes the file. It does not write the end event: a transcript closed without {@link #end}
     * reads as a session that stopped without ending, which is what happened.
     */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            closeQuietly();
        }
    }

    private long write(TranscriptEvent event, Instant at) throws IOException {
        long t = Math.max(lastT, Duration.between(header.start(), at).toMillis());
        byte[] line = LineCodec.encode(seq, t, at, prev, event, redactor);
        byte[] withNewline = Arrays.copyOf(line, line.length + 1);
        withNewline[line.length] = '\n';
        out.write(withNewline);
        out.getFD().sync();
        prev = Sha256.hex(line);
        lastT = t;
        return seq++;
    }

    private void closeQuietly() {
        try {
            out.close();
        } catch (IOException ignored) {
            // Every line that append() returned for is already synced; nothing is lost here.
        }
    }

    private static void syncDirectory(Path directory) {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException ignored) {
            // Not every file system lets a directory be synced; the file's own fsyncs still hold.
        }
    }
}
