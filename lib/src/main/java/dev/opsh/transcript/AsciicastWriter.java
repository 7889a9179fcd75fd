package dev.opsh.transcript;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opsh.ExitCode;
import dev.opsh.OpshException;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a transcript as an asciicast v2 recording (asciinema's format): a header line, then one
 * {@code [seconds, "o", text]} line per prompt, input and output, and {@code [seconds, "m", label]}
 * per marker, so asciinema players show the session and can jump between markers.
 */
public final class AsciicastWriter {
    private static final int DEFAULT_COLS = 80;
    private static final int DEFAULT_ROWS = 24;

    /** Colours a prompt the way the session showed it; the shell gives one that knows the environment's colour. */
    @FunctionalInterface
    public interface PromptPainter {
        PromptPainter PLAIN = (session, prompt) -> prompt;

        String paint(TranscriptEvent.Header session, String prompt);
    }

    private AsciicastWriter() {}

    /**
     * Writes the recording of {@code transcript} to {@code out}.
     *
     * @param idleLimit the longest pause players should show, or null to keep every pause
     */
    public static void write(Path transcript, Writer out, PromptPainter painter, Duration idleLimit) {
        TranscriptEvent.Header header;
        List<Entry> entries = new ArrayList<>();
        try (TranscriptReader reader = TranscriptReader.open(transcript)) {
            header = reader.header();
            for (Entry entry = reader.next(); entry != null; entry = reader.next()) {
                entries.add(entry);
            }
        }
        try {
            out.write(headerLine(header, idleLimit));
            out.write('\n');
            for (Frame frame : Playback.frames(header, entries)) {
                out.write(eventLine(header, frame, painter));
                out.write('\n');
            }
            out.flush();
        } catch (IOException e) {
            throw new OpshException(ExitCode.FAILURE, "cannot write the asciicast: " + e.getMessage(), e);
        }
    }

    private static String headerLine(TranscriptEvent.Header header, Duration idleLimit) {
        ObjectNode json = TranscriptJson.MAPPER.createObjectNode();
        json.put("version", 2);
        json.put("width", header.cols() > 0 ? header.cols() : DEFAULT_COLS);
        json.put("height", header.rows() > 0 ? header.rows() : DEFAULT_ROWS);
        json.put("timestamp", header.start().getEpochSecond());
        if (idleLimit != null) {
            json.put("idle_time_limit", idleLimit.toMillis() / 1000.0);
        }
        json.put("title", "opsh " + header.environment() + " - " + header.user() + "@" + header.host());
        json.putObject("env").put("SHELL", "opsh").put("TERM", "xterm-256color");
        return json.toString();
    }

    private static String eventLine(TranscriptEvent.Header header, Frame frame, PromptPainter painter) {
        ArrayNode json = TranscriptJson.MAPPER.createArrayNode();
        json.add(frame.t() / 1000.0);
        switch (frame.kind()) {
            case MARKER -> json.add("m").add(frame.text());
            case PROMPT -> json.add("o").add(painter.paint(header, frame.text()));
            default -> json.add("o").add(frame.text().replace("\r\n", "\n").replace("\n", "\r\n"));
        }
        return json.toString();
    }
}
