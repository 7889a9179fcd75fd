package dev.opsh.watch;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * One tick of a watch: the value the watched closure returned, and the trend of every number in
 * it, by row key and column.
 */
public record WatchFrame(Object value, int tick, Instant at, Duration every, Map<String, Map<String, Trend>> trends) {
    /** The trend of one row's column, or null when that cell is not a number. */
    public Trend trend(String rowKey, String column) {
        Map<String, Trend> row = trends.get(rowKey);
        return row == null ? null : row.get(column);
    }
}
