package dev.opsh.adapters.haproxy;

import dev.opsh.dsl.Effect;
import dev.opsh.dsl.OpsContext;
import dev.opsh.dsl.Verb;
import dev.opsh.adapters.ServiceSelector;
import java.io.IOException;
import java.util.List;

/** The {@code haproxy} object of the DSL: {@code haproxy.stats()}. */
public final class HaproxyStats {
    private final OpsContext context;

    public HaproxyStats(OpsContext context) {
        this.context = context;
    }

    @Verb(effect = Effect.READ,
            summary = "HAProxy frontends, backends and servers from the stats socket: status, check result and duration, sessions",
            example = "haproxy.stats().findAll { !it.serving() }")
    public List<HaproxyStat> stats() {
        return stats(ServiceSelector.first(context.inventory(), "haproxy").name());
    }

    @Verb(effect = Effect.READ,
            summary = "the stats of one named HAProxy service, for inventories with several",
            example = "haproxy.stats('lb-edge')")
    public List<HaproxyStat> stats(String service) {
        StatsSocket socket = StatsSocket.of(context, ServiceSelector.named(context.inventory(), service, "haproxy"));
        String csv = socket.ask("show stat");
        try {
            return StatsCsv.parse(csv);
        } catch (IOException e) {
            throw socket.failure(e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "haproxy: stats(), stats('service')";
    }
}
