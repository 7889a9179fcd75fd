package dev.opsh.watch;

import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Follows the numbers of a value that is re-evaluated on every tick: a list of records or maps
 * (rows keyed by their first text field, such as a queue's name) or a single record or map.
 * Keeps the last {@link #HISTORY} values of each number.
 */
public final class Watcher {
    public static final int HISTORY = 20;

    private final Duration every;
    private final Map<String, Map<String, List<Double>>> history = new LinkedHashMap<>();
    private int tick;

    public Watcher(Duration every) {
        this.every = every;
    }

    public WatchFrame next(Object value, Instant at) {
        tick++;
        Map<String, Map<String, Trend>> trends = new LinkedHashMap<>();
        for (Map.Entry<String, Map<String, Object>> row : rows(value).entrySet()) {
            Map<String, List<Double>> columns = history.computeIfAbsent(row.getKey(), k -> new LinkedHashMap<>());
            Map<String, Trend> rowTrends = new LinkedHashMap<>();
            row.getValue().forEach((column, cell) -> {
                if (cell instanceof Number n) {
                    List<Double> values = columns.computeIfAbsent(column, c -> new ArrayList<>());
                    values.add(n.doubleValue());
                    if (values.size() > HISTORY) {
                        values.remove(0);
                    }
                    rowTrends.put(column, new Trend(List.copyOf(values), every));
                }
            });
            trends.put(row.getKey(), rowTrends);
        }
        return new WatchFrame(value, tick, at, every, trends);
    }

    /** The value's rows by key: one row per element of a collection, or one row for a single value. */
    public static Map<String, Map<String, Object>> rows(Object value) {
        Map<String, Map<String, Object>> rows = new LinkedHashMap<>();
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                Map<String, Object> fields = fields(item);
                rows.put(key(fields, i++), fields);
            }
        } else if (value != null) {
            rows.put("", fields(value));
        }
        return rows;
    }

    /** The fields that name a row, most telling first; a row's state or error text must not be its key. */
    private static final List<String> NAMING_FIELDS = List.of("name", "service", "host", "target", "id", "key", "label");

    /**
     * The key of a row: its naming field (a queue's name within its vhost, a service, a host), else
     * its first text field, else its position.
     */
    public static String key(Map<String, Object> fields, int position) {
        for (String naming : NAMING_FIELDS) {
            if (fields.get(naming) instanceof CharSequence name) {
                boolean namedVhost = fields.get("vhost") instanceof CharSequence vhost && !vhost.toString().equals("/");
                return namedVhost ? fields.get("vhost") + "/" + name : name.toString();
            }
        }
        return fields.values().stream().filter(v -> v instanceof CharSequence).map(Object::toString)
                .filter(s -> !s.isEmpty()).findFirst().orElse("#" + position);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> fields(Object item) {
        Map<String, Object> fields = new LinkedHashMap<>();
        if (item instanceof Map<?, ?> map) {
            map.forEach((k, v) -> fields.put(String.valueOf(k), v));
        } else if (item != null && item.getClass().isRecord()) {
            for (RecordComponent c : item.getClass().getRecordComponents()) {
                try {
                    c.getAccessor().setAccessible(true);
                    fields.put(c.getName(), c.getAccessor().invoke(item));
                } catch (ReflectiveOperationException e) {
                    // A component that cannot be read is left out of the trends.
                }
            }
        } else if (item instanceof Number n) {
            fields.put("value", n);
        }
        return fields;
    }
}
