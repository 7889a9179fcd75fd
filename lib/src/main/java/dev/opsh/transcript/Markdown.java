package dev.opsh.transcript;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** The pieces of GitHub-flavoured Markdown the postmortem report is built from. */
final class Markdown {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter FULL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);
    private static final int MAX_CELL = 120;

    private final StringBuilder out;

    Markdown(StringBuilder out) {
        this.out = out;
    }

    void line(String text) {
        out.append(text).append('\n');
    }

    void heading(String text) {
        out.append('\n').append("## ").append(text).append("\n\n");
    }

    void table(List<String> header, List<List<String>> rows) {
        if (rows.isEmpty()) {
            line("None.");
            return;
        }
        row(header);
        out.append('|');
        header.forEach(h -> out.append("---|"));
        out.append('\n');
        rows.forEach(this::row);
    }

    private void row(List<String> cells) {
        out.append('|');
        cells.forEach(cell -> out.append(' ').append(cell).append(" |"));
        out.append('\n');
    }

    /** Text for a table cell: one line, pipes escaped, cut to a readable length. */
    static String cell(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        String oneLine = AnsiText.strip(text).strip().replaceAll("\\s*\\n\\s*", " ⏎ ");
        if (oneLine.length() > MAX_CELL) {
            oneLine = oneLine.substring(0, MAX_CELL - 1) + "…";
        }
        return oneLine.replace("|", "\\|");
    }

    /** Text as inline code in a table cell. */
    static String code(String text) {
        String content = cell(text);
        if (content.isEmpty()) {
            return "";
        }
        String fence = content.contains("`") ? "``" : "`";
        return fence + (fence.length() > 1 ? " " + content + " " : content) + fence;
    }

    static String clock(Instant at) {
        return at == null ? "" : CLOCK.format(at);
    }

    static String full(Instant at) {
        return at == null ? "" : FULL.format(at);
    }

    /** {@code +mm:ss}, or {@code +h:mm:ss} past an hour. */
    static String offset(long millis) {
        long seconds = millis / 1000;
        return seconds >= 3600
                ? String.format("+%d:%02d:%02d", seconds / 3600, seconds % 3600 / 60, seconds % 60)
                : String.format("+%02d:%02d", seconds / 60, seconds % 60);
    }

    /** {@code 850ms}, {@code 2.5s}, {@code 3m 12s}, {@code 1h 4m}. */
    static String duration(Duration d) {
        long ms = d.toMillis();
        if (ms < 1000) {
            return ms + "ms";
        }
        if (ms < 60_000) {
            return (ms % 1000 == 0 ? ms / 1000 + "" : String.format("%.1f", ms / 1000.0)) + "s";
        }
        long s = d.getSeconds();
        return s < 3600 ? s / 60 + "m " + s % 60 + "s" : s / 3600 + "h " + s % 3600 / 60 + "m";
    }
}
