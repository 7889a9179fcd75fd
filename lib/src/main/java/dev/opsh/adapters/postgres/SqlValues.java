package dev.opsh.adapters.postgres;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.postgresql.util.PGInterval;
import org.postgresql.util.PGobject;

/**
 * Converts between JDBC and the values a DSL user handles: Groovy strings and {@code java.time}
 * going in; {@code Instant}, {@code Duration}, lists and plain strings coming out.
 */
final class SqlValues {
    private static final long SECONDS_PER_DAY = 86_400;

    private SqlValues() {}

    /** A DSL argument as a JDBC parameter. */
    static Object toJdbc(Object value) {
        if (value instanceof CharSequence s) {
            return s.toString();
        }
        if (value instanceof Instant i) {
            return i.atOffset(ZoneOffset.UTC);
        }
        if (value instanceof Duration d) {
            return new PGInterval(0, 0, 0, 0, 0, d.toNanos() / 1e9);
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        return value;
    }

    /** Column {@code i} of the current row, by its PostgreSQL type. */
    static Object read(ResultSet rs, int i, String typeName) throws SQLException {
        Object raw = rs.getObject(i);
        if (raw == null) {
            return null;
        }
        switch (typeName) {
            case "timestamptz":
                return rs.getObject(i, OffsetDateTime.class).toInstant();
            case "timestamp":
                return rs.getObject(i, LocalDateTime.class);
            case "date":
                return rs.getObject(i, LocalDate.class);
            case "time":
                return rs.getObject(i, LocalTime.class);
            case "json":
            case "jsonb":
                return rs.getString(i);
            default:
                return plain(raw);
        }
    }

    private static Object plain(Object raw) throws SQLException {
        if (raw instanceof PGInterval interval) {
            return duration(interval);
        }
        if (raw instanceof Array array) {
            Object elements = array.getArray();
            List<Object> list = new ArrayList<>();
            for (Object element : Arrays.asList((Object[]) elements)) {
                list.add(plain(element));
            }
            return java.util.Collections.unmodifiableList(list);
        }
        if (raw instanceof PGobject object) {
            return object.getValue();
        }
        return raw;
    }

    /** An interval as a Duration when it has no months or years, which have no fixed length; else its text. */
    static Object duration(PGInterval interval) {
        if (interval.getYears() != 0 || interval.getMonths() != 0) {
            return interval.getValue();
        }
        long seconds = interval.getDays() * SECONDS_PER_DAY + interval.getHours() * 3600L + interval.getMinutes() * 60L
                + interval.getWholeSeconds();
        return Duration.ofSeconds(seconds).plusNanos(interval.getMicroSeconds() * 1000L);
    }
}
