package dev.opsh.repl;

import dev.opsh.transcript.TranscriptEvent;
import dev.opsh.transcript.TranscriptWriter;
import java.nio.file.Path;
import java.time.Duration;

/**
 * What a session writes to its transcript: each input, what the operator saw, the typed result,
 * failures, remote commands, guard decisions and markers. Each call returns once the event is on
 * disk; the header is written by {@link #prepare} or with the first of them. A session opened with
 * {@code --no-transcript} has a recorder that keeps nothing.
 */
public final class Recorder implements AutoCloseable {
    public static final Recorder NONE = new Recorder(null);

    private final TranscriptWriter writer;

    public Recorder(TranscriptWriter writer) {
        this.writer = writer;
    }

    /** The transcript file, or null when nothing is recorded. */
    public Path file() {
        return writer == null ? null : writer.file();
    }

    /**
     * Writes the transcript's header now, for a thread that has time before the first input (the
     * header encoder is the first use of JSON in a session). A failure is left for that input, which
     * meets it again and does not run.
     */
    public void prepare() {
        if (writer != null) {
            try {
                writer.writeHeader();
            } catch (RuntimeException e) {
                // The first input writes the header itself and reports why it cannot.
            }
        }
    }

    public void input(String prompt, String text) {
        append(new TranscriptEvent.Input(prompt, text));
    }

    /**
     * The text as the operator saw it, colours included. It does not wait for a header still being
     * written (the session header is shown while it is); the next input does.
     */
    public void output(String text) {
        if (!text.isEmpty() && writer != null) {
            writer.appendWhenReady(new TranscriptEvent.Output(text));
        }
    }

    public void result(Object value) {
        append(TranscriptEvent.Result.of(value));
    }

    public void failure(Throwable failure) {
        append(TranscriptEvent.Failure.of(failure));
    }

    public void remote(String host, String command, int exit, Duration duration) {
        append(TranscriptEvent.Remote.of(host, command, exit, duration));
    }

    public void guard(String preview, String decision, String reason, boolean backupFreshnessSkipped) {
        append(new TranscriptEvent.Guard(preview, decision, reason, backupFreshnessSkipped));
    }

    public void marker(String text) {
        append(new TranscriptEvent.Marker(text));
    }

    /** Writes the end event with the session's exit code and closes the file. */
    public void end(int exitCode) {
        if (writer != null && !writer.ended()) {
            writer.end(exitCode);
        }
        close();
    }

    @Override
    public void close() {
        if (writer != null) {
            writer.close();
        }
    }

    private void append(TranscriptEvent event) {
        if (writer != null) {
            writer.append(event);
        }
    }
}
