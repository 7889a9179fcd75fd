package dev.opsh.inventory;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads durations written the way operators write them: {@code 500ms}, {@code 2s}, {@code 1h30m}, {@code 24h}, {@code 7d}. */
public final class Durations {
    private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h|d)");

    private Durations() {}

    /** The duration, or null if the text is not one. */
    public static Duration parse(String text) {
        String s = text.strip();
        if (s.isEmpty()) {
            return null;
        }
        Matcher m = PART.matcher(s);
        Duration total = Duration.ZERO;
        int at = 0;
        while (at < s.length()) {
            if (!m.find(at) || m.start() != at) {
                return null;
            }
            long n = Long.parseLong(m.group(1));
            total = total.plus(switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            });
            at = m.end();
        }
        return total;
    }

    /** The duration written back the same way: {@code 500ms}, {@code 2s}, {@code 1m30s}; whole milliseconds. */
    public static String format(Duration d) {
        long ms = d.toMillis();
        if (ms < 1000) {
            return ms + "ms";
        }
        if (ms % 1000 != 0 && ms < 60_000) {
            return String.format(java.util.Locale.ROOT, "%.1fs", ms / 1000.0);
        }
        StringBuilder text = new StringBuilder();
        long seconds = ms / 1000;
        long[] sizes = {86_400, 3600, 60, 1};
        String[] units = {"d", "h", "m", "s"};
        for (int i = 0; i < sizes.length; i++) {
            if (seconds >= sizes[i]) {
                text.append(seconds / sizes[i]).append(units[i]);
                seconds %= sizes[i];
            }
        }
        return text.toString();
    }
}
