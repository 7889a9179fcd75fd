package dev.opsh.adapters.redis;

import dev.opsh.ExitCode;
import dev.opsh.OpshException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Parses the text replies of {@code INFO} and {@code CLIENT LIST}. */
public final class RedisReplies {
    private RedisReplies() {}

    /** {@code INFO} as field to value, in the server's order; section headers and blank lines are dropped. */
    public static Map<String, String> info(String text) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String line : text.split("\r?\n")) {
            int colon = line.indexOf(':');
            if (line.isBlank() || line.startsWith("#") || colon < 0) {
                continue;
            }
            fields.put(line.substring(0, colon), line.substring(colon + 1).strip());
        }
        return Collections.unmodifiableMap(fields);
    }

    /** The memory fields of an {@code INFO memory} reply. */
    public static RedisMemory memory(Map<String, String> info) {
        return new RedisMemory(number(info, "used_memory"), field(info, "used_memory_human"), number(info, "used_memory_rss"),
                number(info, "used_memory_peak"), number(info, "maxmemory"), field(info, "maxmemory_policy"),
                decimal(info, "mem_fragmentation_ratio"));
    }

    /** One record per line of a {@code CLIENT LIST} reply. */
    public static List<ConnectedClient> clients(String text) {
        List<ConnectedClient> clients = new ArrayList<>();
        for (String line : text.split("\r?\n")) {
            if (line.isBlank()) {
                continue;
            }
            Map<String, String> f = new LinkedHashMap<>();
            for (String pair : line.strip().split(" ")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    f.put(pair.substring(0, eq), pair.substring(eq + 1));
                }
            }
            clients.add(new ConnectedClient(number(f, "id"), field(f, "addr"), f.getOrDefault("name", ""),
                    f.getOrDefault("user", "default"), (int) number(f, "db"), Duration.ofSeconds(number(f, "age")),
                    Duration.ofSeconds(number(f, "idle")), field(f, "flags"), f.getOrDefault("cmd", ""),
                    f.containsKey("tot-mem") ? number(f, "tot-mem") : 0));
        }
        return List.copyOf(clients);
    }

    private static String field(Map<String, String> fields, String name) {
        String value = fields.get(name);
        if (value == null) {
            throw new OpshException(ExitCode.FAILURE, "the redis reply lacks the field '" + name + "'");
        }
        return value;
    }

    private static double decimal(Map<String, String> fields, String name) {
        String value = field(fields, name);
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new OpshException(ExitCode.FAILURE, "the redis reply's field '" + name + "' is not a number: " + value, e);
        }
    }

    private static long number(Map<String, String> fields, String name) {
        String value = field(fields, name);
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new OpshException(ExitCode.FAILURE, "the redis reply's field '" + name + "' is not a number: " + value, e);
        }
    }
}
