package dev.opsh.fixes;

import dev.opsh.ExitCode;
import dev.opsh.OpshException;
import dev.opsh.adapters.ServiceEndpoint;
import dev.opsh.adapters.ServiceSelector;
import dev.opsh.adapters.redis.RedisFacade;
import dev.opsh.adapters.redis.RedisScan;
import dev.opsh.adapters.redis.RedisTarget;
import dev.opsh.adapters.redis.RedisWriter;
import dev.opsh.dsl.OpsContext;
import dev.opsh.guard.GuardTarget;
import dev.opsh.guard.GuardedAction;
import dev.opsh.inventory.Durations;
import dev.opsh.inventory.Service;
import java.time.Duration;
import java.util.List;

/**
 * The Redis writes of the runbooks on the inventory's first redis service: deleting a key, setting
 * its expiry, and flushing the keys that match a pattern (found with a bounded SCAN first, so the
 * preview says exactly which keys go). Each passes the guard first.
 */
public final class RedisFixes {
    /** The most keys one {@code flushCache} deletes; a pattern matching more is refused, to be narrowed. */
    public static final int FLUSH_LIMIT = 10_000;
    private static final int KEYS_SHOWN = 5;

    private final OpsContext context;
    private final Service service;

    private RedisFixes(OpsContext context, Service service) {
        this.context = context;
        this.service = service;
    }

    public static RedisFixes of(OpsContext context) {
        return new RedisFixes(context, ServiceSelector.first(context.inventory(), "redis"));
    }

    /** What one flushCache() found and deleted. */
    public record Flushed(String pattern, int matched, long deleted) {
    }

    public boolean del(String key) {
        authorize(action("del", "DEL " + key).subject(key));
        return RedisWriter.of(context, service).del(key);
    }

    public boolean expire(String key, Duration ttl) {
        if (ttl.isNegative() || ttl.isZero()) {
            throw new OpshException(ExitCode.FAILURE, "expire() needs a positive duration such as 10.minutes, not " + ttl
                    + " (del() deletes a key at once)");
        }
        authorize(action("expire", "PEXPIRE " + key + " " + ttl.toMillis()).subject(key)
                .note(key + " expires " + Durations.format(ttl) + " from now"));
        return RedisWriter.of(context, service).expire(key, ttl);
    }

    public Flushed flushCache(String pattern) {
        RedisScan scan = new RedisFacade(context, service).scan(pattern, FLUSH_LIMIT);
        if (scan.truncated()) {
            throw new OpshException(ExitCode.FAILURE, "flushCache('" + pattern + "'): the scan stopped after " + scan.size()
                    + " keys (limit " + FLUSH_LIMIT + ", or the read deadline); narrow the pattern");
        }
        List<String> keys = scan.keys();
        GuardedAction.Builder action = action("flushCache", "SCAN MATCH " + pattern + ", then DEL of the " + keys.size()
                + " keys found").subject(pattern).note(keys.size() + " key(s) match '" + pattern + "' and will be deleted"
                + (keys.isEmpty() ? "" : ": " + String.join(", ", keys.subList(0, Math.min(KEYS_SHOWN, keys.size())))
                + (keys.size() > KEYS_SHOWN ? ", ..." : "")));
        authorize(action);
        return new Flushed(pattern, keys.size(), RedisWriter.of(context, service).delete(keys));
    }

    private GuardedAction.Builder action(String verb, String command) {
        ServiceEndpoint endpoint = ServiceEndpoint.of(context.inventory(), service, RedisTarget.DEFAULT_PORT);
        return GuardedAction.of(verb).target(GuardTarget.service(endpoint))
                .command(command);
    }

    private void authorize(GuardedAction.Builder action) {
        context.guard().authorize(action.build());
    }
}
