package dev.opsh.dsl;

import dev.opsh.adapters.haproxy.HaproxyStats;

/** HAProxy, read from its stats socket: {@code haproxy.stats()}. */
public interface HaproxyVerbs extends Verbs {
    @Verb(effect = Effect.READ, summary = "HAProxy verbs: haproxy.stats() lists frontends, backends and servers with their checks",
            example = "haproxy.stats()")
    default HaproxyStats getHaproxy() {
        return new HaproxyStats(context());
    }
}
