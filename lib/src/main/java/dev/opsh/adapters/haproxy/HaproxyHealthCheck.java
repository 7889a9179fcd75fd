package dev.opsh.adapters.haproxy;

import dev.opsh.OpshException;
import dev.opsh.adapters.HealthCheck;
import dev.opsh.adapters.ServiceHealth;
import dev.opsh.adapters.ServiceLookup;
import dev.opsh.adapters.health.Probes;
import dev.opsh.dsl.OpsContext;
import dev.opsh.inventory.Service;
import java.io.IOException;

/** HAProxy's health: {@code show info} answers with a version and {@code show stat} parses. */
public final class HaproxyHealthCheck implements HealthCheck {
    @Override
    public ServiceHealth probe(Service service, OpsContext context) {
        long start = System.nanoTime();
        String endpoint = ServiceLookup.firstHost(context.inventory(), service).address() + ":" + service.setting("statsSocket");
        try {
            StatsSocket socket = StatsSocket.of(context, service);
            String version = version(socket.ask("show info"));
            StatsCsv.parse(socket.ask("show stat"));
            return Probes.up(service.name(), service.type(), endpoint, start, version);
        } catch (OpshException e) {
            return Probes.down(service.name(), service.type(), endpoint, start, e.getMessage());
        } catch (IOException e) {
            return Probes.down(service.name(), service.type(), endpoint, start, "show stat: " + e.getMessage());
        }
    }

    /** The {@code Version:} line of {@code show info}, or null when there is none. */
    static String version(String info) {
        return info.lines().filter(l -> l.startsWith("Version:")).map(l -> l.substring(8).strip()).findFirst().orElse(null);
    }
}
