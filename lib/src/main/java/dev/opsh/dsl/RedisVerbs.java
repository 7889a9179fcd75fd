package dev.opsh.dsl;

import dev.opsh.adapters.ServiceSelector;
import dev.opsh.adapters.redis.RedisFacade;

/** Read-only Redis verbs: a facade over the inventory's Redis service with no write methods. */
public interface RedisVerbs extends Verbs {

    @Verb(effect = Effect.READ,
            summary = "read-only view of the first redis service: ping, info, get, ttl, scan, memory, clients",
            example = "redis.scan('session:*').keys.take(10)")
    default RedisFacade getRedis() {
        return new RedisFacade(context(), ServiceSelector.first(context().inventory(), "redis"));
    }

    @Verb(effect = Effect.READ,
            summary = "the read-only redis view of the redis service with this name",
            example = "redis('redis').memory()")
    default RedisFacade redis(String service) {
        return new RedisFacade(context(), ServiceSelector.named(context().inventory(), service, "redis"));
    }
}
