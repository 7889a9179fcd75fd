package dev.opsh.adapters.redis;

import dev.opsh.dsl.OpsContext;
import dev.opsh.inventory.Service;
import java.time.Duration;
import java.util.List;

/**
 * The Redis writes of the guarded verbs ({@code del}, {@code expire}, {@code flushCache}) on the
 * session's connection. It does not ask anyone: the verbs call it only after the guard said yes.
 */
public final class RedisWriter {
    /** Keys deleted per {@code DEL} command when flushing many. */
    static final int DELETE_BATCH = 500;

    private final RedisCalls calls;

    private RedisWriter(RedisCalls calls) {
        this.calls = calls;
    }

    public static RedisWriter of(OpsContext context, Service service) {
        return new RedisWriter(new RedisCalls(context, service));
    }

    /** {@code DEL key}: whether the key existed. */
    public boolean del(String key) {
        return calls.call("DEL " + key, jedis -> jedis.del(key)) > 0;
    }

    /** {@code PEXPIRE key ms}: whether the key existed and now expires after {@code ttl}. */
    public boolean expire(String key, Duration ttl) {
        return calls.call("PEXPIRE " + key + " " + ttl.toMillis(), jedis -> jedis.pexpire(key, ttl.toMillis())) == 1;
    }

    /** Deletes {@code keys} in batches of {@value #DELETE_BATCH}; returns how many existed. */
    public long delete(List<String> keys) {
        long deleted = 0;
        for (int from = 0; from < keys.size(); from += DELETE_BATCH) {
            String[] batch = keys.subList(from, Math.min(keys.size(), from + DELETE_BATCH)).toArray(String[]::new);
            deleted += calls.call("DEL (" + batch.length + " keys)", jedis -> jedis.del(batch));
        }
        return deleted;
    }
}
