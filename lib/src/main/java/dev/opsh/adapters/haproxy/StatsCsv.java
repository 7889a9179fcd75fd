package dev.opsh.adapters.haproxy;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses the CSV of HAProxy's {@code show stat} by the names in its header line, so that columns
 * added by newer versions do not shift anything. Fields never contain commas.
 */
public final class StatsCsv {
    private static final String[] TYPES = {"frontend", "backend", "server", "listener"};

    private StatsCsv() {
    }

    public static List<HaproxyStat> parse(String csv) throws IOException {
        List<String> lines = csv.lines().filter(l -> !l.isBlank()).toList();
        if (lines.isEmpty() || !lines.get(0).startsWith("# ")) {
            throw new IOException("the answer to 'show stat' has no '# pxname,svname,...' header"
                    + (lines.isEmpty() ? " (it is empty)" : ": " + abbreviate(lines.get(0))));
        }
        String[] header = lines.get(0).substring(2).split(",", -1);
        Map<String, Integer> column = new HashMap<>();
        for (int i = 0; i < header.length; i++) {
            column.put(header[i].strip(), i);
        }
        for (String required : List.of("pxname", "svname", "status")) {
            if (!column.containsKey(required)) {
                throw new IOException("the 'show stat' header has no '" + required + "' column");
            }
        }
        List<HaproxyStat> stats = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            stats.add(row(new Row(line.split(",", -1), column)));
        }
        return stats;
    }

    private static HaproxyStat row(Row r) {
        Integer type = r.integer("type");
        return new HaproxyStat(r.text("pxname"), r.text("svname"),
                type != null && type >= 0 && type < TYPES.length ? TYPES[type] : null, r.text("status"), r.integer("weight"),
                r.text("check_status"), r.integer("check_code"), r.millis("check_duration"), r.text("check_desc"),
                r.seconds("lastchg"), r.seconds("downtime"), r.number("scur"), r.number("smax"), r.boxedNumber("slim"),
                r.number("stot"), r.number("qcur"), r.text("addr"));
    }

    private static String abbreviate(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "..." : s;
    }

    /** One data line, read by column name; empty and missing fields are null. */
    private record Row(String[] fields, Map<String, Integer> column) {
        String text(String name) {
            Integer i = column.get(name);
            if (i == null || i >= fields.length || fields[i].isEmpty()) {
                return null;
            }
            return fields[i];
        }

        Long boxedNumber(String name) {
            String t = text(name);
            if (t == null) {
                return null;
            }
            try {
                return Long.parseLong(t);
            } catch (NumberFormatException e) {
                return null;
            }
        }

        long number(String name) {
            Long n = boxedNumber(name);
            return n == null ? 0 : n;
        }

        Integer integer(String name) {
            Long n = boxedNumber(name);
            return n == null ? null : n.intValue();
        }

        Duration millis(String name) {
            Long n = boxedNumber(name);
            return n == null || n < 0 ? null : Duration.ofMillis(n);
        }

        Duration seconds(String name) {
            Long n = boxedNumber(name);
            return n == null || n < 0 ? null : Duration.ofSeconds(n);
        }
    }
}
