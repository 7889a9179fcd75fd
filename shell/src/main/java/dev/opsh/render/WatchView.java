package dev.opsh.render;

import dev.opsh.watch.Trend;
import dev.opsh.watch.WatchFrame;
import dev.opsh.watch.Watcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/**
 * Draws one tick of {@code watch}: the table with each number's change since the last tick, a
 * sparkline of the first numeric column, and the estimated time for it to reach zero (for a queue,
 * the time to drain).
 */
public final class WatchView {
    private static final AttributedStyle UP = AttributedStyle.DEFAULT.foreground(AttributedStyle.RED);
    private static final AttributedStyle DOWN = AttributedStyle.DEFAULT.foreground(AttributedStyle.GREEN);

    private final ValueRenderer values;

    public WatchView(ValueRenderer values) {
        this.values = values;
    }

    public AttributedString render(WatchFrame frame) {
        AttributedStringBuilder out = new AttributedStringBuilder();
        out.styled(AttributedStyle.DEFAULT.faint(), "every " + HumanFormat.duration(frame.every()) + " · tick " + frame.tick() + " · "
                + HumanFormat.instantShort(frame.at()) + " · Ctrl-C stops").append('\n');
        Map<String, Map<String, Object>> rows = Watcher.rows(frame.value());
        if (rows.isEmpty()) {
            return out.append(values.render(frame.value())).toAttributedString();
        }
        List<String> columns = new ArrayList<>(rows.values().iterator().next().keySet());
        String lead = columns.stream().filter(c -> rows.values().stream().anyMatch(r -> r.get(c) instanceof Number))
                .findFirst().orElse(null);
        List<String> header = new ArrayList<>(columns);
        if (lead != null) {
            header.add(lead + " trend");
            header.add("to zero");
        }
        Table table = new Table(header);
        for (Map.Entry<String, Map<String, Object>> row : rows.entrySet()) {
            List<Table.Cell> cells = new ArrayList<>();
            for (String column : columns) {
                cells.add(cell(row.getValue().get(column), frame.trend(row.getKey(), column)));
            }
            if (lead != null) {
                Trend trend = frame.trend(row.getKey(), lead);
                cells.add(new Table.Cell(trend == null ? "" : trend.sparkline(), AttributedStyle.DEFAULT, false));
                var eta = trend == null ? null : trend.timeToZero();
                cells.add(new Table.Cell(eta == null ? "-" : HumanFormat.duration(eta), AttributedStyle.DEFAULT, true));
            }
            table.add(cells);
        }
        return out.append(table.render()).toAttributedString();
    }

    private Table.Cell cell(Object value, Trend trend) {
        Table.Cell plain = values.cell(value, false);
        Double delta = trend == null ? null : trend.delta();
        if (delta == null || delta == 0) {
            return plain;
        }
        String change = (delta > 0 ? " +" : " ") + (delta % 1 == 0 ? String.valueOf(delta.longValue()) : String.format("%.2f", delta));
        return new Table.Cell(plain.text() + change, delta > 0 ? UP : DOWN, true);
    }
}
