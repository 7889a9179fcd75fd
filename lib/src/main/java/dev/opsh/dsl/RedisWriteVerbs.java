package dev.opsh.dsl;

import dev.opsh.fixes.RedisFixes;
import java.time.Duration;

/** Writes to the first redis service, each through the guard. The read-only view is {@code redis}. */
public interface RedisWriteVerbs extends Verbs {
    @Verb(effect = Effect.MUTATE, summary = "deletes one Redis key; true when it existed",
            example = "del('session:42')")
    default boolean del(String key) {
        return RedisFixes.of(context()).del(key);
    }

    @Verb(effect = Effect.MUTATE, summary = "sets a Redis key to expire after a duration; true when the key exists",
            example = "expire('cache:track:9', 10.minutes)")
    default boolean expire(String key, Duration ttl) {
        return RedisFixes.of(context()).expire(key, ttl);
    }

    @Verb(effect = Effect.MUTATE,
            summary = "deletes every key matching a glob pattern (at most 10000, found with SCAN first; the preview shows the count)",
            example = "flushCache('cache:dmca:*')")
    default RedisFixes.Flushed flushCache(String pattern) {
        return RedisFixes.of(context()).flushCache(pattern);
    }
}
