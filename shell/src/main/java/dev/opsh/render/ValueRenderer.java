package dev.opsh.render;

import dev.opsh.dsl.Tabular;
import dev.opsh.inventory.Inventory;
import java.lang.reflect.Array;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import org.codehaus.groovy.runtime.InvokerHelper;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/**
 * Draws a result for a person: lists of records and maps as aligned tables, a map or a record as
 * key/value lines, durations as {@code 3h 12m}, instants in UTC and local time.
 */
public final class ValueRenderer {
    private static final AttributedStyle DIM = AttributedStyle.DEFAULT.faint();
    private static final AttributedStyle GOOD = AttributedStyle.DEFAULT.foreground(AttributedStyle.GREEN);
    private static final AttributedStyle BAD = AttributedStyle.DEFAULT.foreground(AttributedStyle.RED);
    private static final Set<String> BAD_WORDS = Set.of("DOWN", "TIMEOUT", "ERROR", "FAILED", "REFUSED", "false");
    private static final Set<String> GOOD_WORDS = Set.of("UP", "OK", "running", "open");

    private final TimeZone zone;
    private final InventoryView inventoryView = new InventoryView(this);

    /** @param zone the local time zone shown beside instants (see {@link HumanFormat#instant}) */
    public ValueRenderer(TimeZone zone) {
        this.zone = zone;
    }

    /** The rendering of a value; empty for null, as a statement with no value prints nothing. */
    public AttributedString render(Object value) {
        if (value == null) {
            return AttributedString.EMPTY;
        }
        if (value instanceof CharSequence text) {
            return new AttributedString(text);
        }
        if (value instanceof Inventory inventory) {
            return inventoryView.render(inventory);
        }
        if (value instanceof Tabular tabular) {
            return tabular(tabular);
        }
        if (value instanceof Duration || value instanceof Instant) {
            return new AttributedString(scalar(value, false));
        }
        if (value.getClass().isArray() && !value.getClass().getComponentType().isPrimitive()) {
            List<Object> items = new ArrayList<>();
            for (int i = 0; i < Array.getLength(value); i++) {
                items.add(Array.get(value, i));
            }
            return collection(items);
        }
        if (value instanceof Collection<?> items) {
            return collection(items);
        }
        if (value instanceof Map<?, ?> map) {
            return keyValues(map);
        }
        if (value.getClass().isRecord()) {
            return keyValues(recordValues(value));
        }
        return new AttributedString(text(value));
    }

    /** A short, one-line rendering used inside table cells and key/value lines. */
    public String scalar(Object value, boolean inCell) {
        if (value == null) {
            return "-";
        }
        if (value instanceof Duration d) {
            return HumanFormat.duration(d);
        }
        if (value instanceof Instant t) {
            return inCell ? HumanFormat.instantShort(t) : HumanFormat.instant(t, zone);
        }
        if (value instanceof Double || value instanceof Float) {
            return String.format("%.2f", ((Number) value).doubleValue());
        }
        return text(value);
    }

    /**
     * Groovy's text for a value. A string, number, boolean or enum reads the same without Groovy's
     * formatter, whose first use lists every class in the JDK (70 ms) to shorten class names that
     * none of these print.
     */
    private static String text(Object value) {
        if (value instanceof CharSequence || value instanceof Number || value instanceof Boolean
                || value instanceof Character || value instanceof Enum<?>) {
            return value.toString();
        }
        return InvokerHelper.toString(value);
    }

    AttributedString collection(Collection<?> items) {
        if (items.isEmpty()) {
            return new AttributedString("(none)", DIM);
        }
        Object first = items.iterator().next();
        if (first != null && first.getClass().isRecord() && items.stream().allMatch(i -> i != null && i.getClass() == first.getClass())) {
            return withCount(records(items), items.size());
        }
        if (items.stream().allMatch(i -> i instanceof Map)) {
            return withCount(maps(items), items.size());
        }
        return new AttributedString(InvokerHelper.toString(items));
    }

    private AttributedString withCount(AttributedString table, int rows) {
        if (rows < 2) {
            return table;
        }
        return new AttributedStringBuilder().append(table).append('\n').styled(DIM, "(" + rows + " rows)").toAttributedString();
    }

    AttributedString records(Collection<?> items) {
        RecordComponent[] components = items.iterator().next().getClass().getRecordComponents();
        List<String> header = new ArrayList<>();
        for (RecordComponent c : components) {
            header.add(c.getName());
        }
        Table table = new Table(header);
        for (Object item : items) {
            Map<String, Object> values = recordValues(item);
            boolean flagged = Boolean.TRUE.equals(values.get("overThreshold")) || Boolean.TRUE.equals(values.get("error"));
            table.add(header.stream().map(h -> cell(values.get(h), flagged)).toList());
        }
        return table.render();
    }

    private AttributedString maps(Collection<?> items) {
        Set<String> keys = new LinkedHashSet<>();
        for (Object item : items) {
            ((Map<?, ?>) item).keySet().forEach(k -> keys.add(String.valueOf(k)));
        }
        Table table = new Table(List.copyOf(keys));
        for (Object item : items) {
            Map<?, ?> map = (Map<?, ?>) item;
            table.add(keys.stream().map(k -> cell(map.get(k), false)).toList());
        }
        return table.render();
    }

    private AttributedString tabular(Tabular tabular) {
        Table table = new Table(tabular.columns());
        for (List<Object> row : tabular.rows()) {
            table.add(row.stream().map(v -> cell(v, false)).toList());
        }
        return withCount(table.render(), table.size());
    }

    Table.Cell cell(Object value, boolean flagged) {
        String text = scalar(value, true);
        AttributedStyle style = value == null ? DIM : flagged ? BAD : BAD_WORDS.contains(text) ? BAD
                : GOOD_WORDS.contains(text) ? GOOD : AttributedStyle.DEFAULT;
        return new Table.Cell(text, style, value instanceof Number);
    }

    private AttributedString keyValues(Map<?, ?> map) {
        int width = map.keySet().stream().mapToInt(k -> String.valueOf(k).length()).max().orElse(0);
        AttributedStringBuilder out = new AttributedStringBuilder();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (out.length() > 0) {
                out.append('\n');
            }
            String key = String.valueOf(e.getKey());
            out.styled(AttributedStyle.BOLD, key).append(" ".repeat(width - key.length())).append("  ");
            Table.Cell cell = cell(e.getValue(), false);
            out.styled(cell.style(), scalar(e.getValue(), false));
        }
        return out.toAttributedString();
    }

    static Map<String, Object> recordValues(Object record) {
        Map<String, Object> values = new java.util.LinkedHashMap<>();
        for (RecordComponent c : record.getClass().getRecordComponents()) {
            try {
                c.getAccessor().setAccessible(true);
                values.put(c.getName(), c.getAccessor().invoke(record));
            } catch (ReflectiveOperationException e) {
                values.put(c.getName(), "<" + e.getClass().getSimpleName() + ">");
            }
        }
        return values;
    }
}
