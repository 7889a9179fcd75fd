package dev.opsh.adapters.redis;

import java.util.List;

/**
 * The keys matching a pattern, found with {@code SCAN}, sorted.
 *
 * @param truncated whether the scan stopped before covering the keyspace: at {@code limit} keys or
 *     at the read deadline
 */
public record RedisScan(String pattern, List<String> keys, int limit, boolean truncated) {
    public int size() {
        return keys.size();
    }
}
