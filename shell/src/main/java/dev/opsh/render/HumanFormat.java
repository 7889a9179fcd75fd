package dev.opsh.render;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.TimeZone;

/** How durations and instants read to a person: {@code 3h 12m}, {@code 2026-11-23 06:13:22Z (07:13:22 +01:00)}. */
public final class HumanFormat {
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("HH:mm:ss xxx");

    private HumanFormat() {}

    public static String duration(Duration d) {
        if (d.isNegative()) {
            return "-" + duration(d.negated());
        }
        long ms = d.toMillis();
        if (ms < 1000) {
            return ms + "ms";
        }
        if (ms < 10_000) {
            return String.format("%.1fs", ms / 1000.0);
        }
        long s = d.getSeconds();
        long days = s / 86_400, hours = s % 86_400 / 3600, minutes = s % 3600 / 60, seconds = s % 60;
        if (days > 0) {
            return days + "d " + hours + "h";
        }
        if (hours > 0) {
            return hours + "h " + minutes + "m";
        }
        if (minutes > 0) {
            return minutes + "m " + seconds + "s";
        }
        return seconds + "s";
    }

    /**
     * The instant in UTC, with the local time and its offset beside it unless the zone is UTC all
     * year. The zone is a {@link TimeZone} rather than a {@code java.time.ZoneId}, and the local
     * time carries its offset rather than the zone's abbreviation: a JVM's first region
     * {@code ZoneId}, which the JDK's zone names also make, loads {@code java.time}'s zone-rules
     * providers, and that searches every jar on the class path, while the session header needs this
     * before the first prompt. An offset is also unambiguous where abbreviations are not (CST).
     * ({@code TimeZone} starts its zones in 1900, so an earlier instant shows the zone's standard
     * offset, not its local mean time.)
     */
    public static String instant(Instant t, TimeZone zone) {
        String utc = UTC.format(t);
        if (zone.getRawOffset() == 0 && !zone.observesDaylightTime()) {
            return utc;
        }
        ZoneOffset offset = ZoneOffset.ofTotalSeconds(zone.getOffset(epochMillis(t)) / 1000);
        return utc + " (" + LOCAL.format(t.atOffset(offset)) + ")";
    }

    /** The instant's milliseconds, clamped for one too far away to count them in a long. */
    private static long epochMillis(Instant t) {
        try {
            return t.toEpochMilli();
        } catch (ArithmeticException farAway) {
            return t.isBefore(Instant.EPOCH) ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }

    /** The instant in UTC only, short enough for a table cell. */
    public static String instantShort(Instant t) {
        return UTC.format(t);
    }
}
