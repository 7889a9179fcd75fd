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
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Appends a session's events to its transcript, one JSON line each, chained by SHA-256 (see
 * docs/transcript.md). {@link #append} returns only after the line is on disk (fsync), so a
 * {@code kill -9} loses at most the event being written. The file is created with mode 0600.
 * Every string is redacted before it is hashed and written. Safe to call from several threads.
 *
 * <p>{@link #create} makes the file at once and leaves the header to {@link #writeHeader}, so that a
 * session can show its prompt while the header is encoded and synced on another thread; whatever
 * is appended first writes the header before itself.
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
    private OpshException failure;
    private volatile boolean headerWritten;
    /** Events recorded by {@link #appendWhenReady} before the header was on disk, with their times. */
    private final ConcurrentLinkedQueue<Timed> early = new ConcurrentLinkedQueue<>();

    private record Timed(TranscriptEvent event, Instant at) {}

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
        TranscriptWriter writer = create(directory, session, redactor, clock);
        writer.writeHeader();
        return writer;
    }

    /**
     * Creates a new transcript file in {@code directory} (created 0700 if missing) without writing
     * its header yet: {@link #writeHeader} or the first {@link #append} does.
     *
     * @throws OpshException if the directory or the file cannot be created
     */
    public static TranscriptWriter create(Path directory, SessionInfo session, Redactor redactor, Clock clock) {
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
            return new TranscriptWriter(file, out, redactor, clock, header);
        } catch (IOException e) {
            throw new OpshException(ExitCode.FAILURE, "cannot create the transcript " + file + ": " + e.getMessage()
                    + " (set OPSH_TRANSCRIPT_DIR to a writable directory)", e);
        }
    }

    /**
     * Writes the header line if it is not written yet, then the events {@link #appendWhenReady}
     * held back for it.
     *
     * @throws OpshException if it cannot be written or synced; every later append throws the same
     */
    public synchronized void writeHeader() {
        if (failure != null) {
            throw failure;
        }
        if (closed) {
            return;
        }
        try {
            if (!headerWritten) {
                write(header, header.start());
                headerWritten = true;
            }
            for (Timed e; (e = early.poll()) != null; ) {
                write(e.event(), e.at());
            }
        } catch (IOException e) {
            throw fail(e);
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
            throw new IllegalArgumentException("the header is written by writeHeader()");
        }
        if (failure != null) {
            throw failure;
        }
        if (ended || closed) {
            throw new IllegalStateException("transcript " + file + " has ended; cannot append " + event);
        }
        Instant at = now();
        writeHeader();
        try {
            long written = write(event, at);
            ended = event instanceof TranscriptEvent.End;
            return written;
        } catch (IOException e) {
            throw fail(e);
        }
    }

    /**
     * Appends {@code event} without waiting for a header that another thread is still writing:
     * the event keeps the time it happened and is written right after the header. For what the
     * screen shows before the first input; an input itself goes through {@link #append}, which
     * waits, so nothing runs before it is on disk.
     */
    public void appendWhenReady(TranscriptEvent event) {
        if (headerWritten) {
            append(event);
            return;
        }
        early.add(new Timed(event, now()));
        if (headerWritten) {
            // The header was written meanwhile, perhaps after its writer took what was queued.
            writeHeader();
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private OpshException fail(IOException e) {
        closed = true;
        closeQuietly();
        failure = new OpshException(ExitCode.FAILURE, "cannot write the transcript " + file + ": " + e.getMessage(), e);
        return failure;
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
