package dev.opsh.adapters.haproxy;

import dev.opsh.OpshException;
import dev.opsh.adapters.BoundedProbe;
import dev.opsh.adapters.HealthCheck;
import dev.opsh.adapters.ServiceEndpoint;
import dev.opsh.adapters.ServiceHealth;
import dev.opsh.dsl.OpsContext;
import dev.opsh.inventory.Service;
import java.io.IOException;

/** HAProxy's health: {@code show info} answers with a version and {@code show stat} parses. */
public final class HaproxyHealthCheck implements HealthCheck {
    @Override
    public ServiceHealth probe(Service service, OpsContext context) {
        ServiceEndpoint endpoint = ServiceEndpoint.of(context.inventory(), service, 0);
        StatsSocket socket;
        try {
            socket = StatsSocket.of(context, service);
        } catch (OpshException e) {
            return BoundedProbe.down(endpoint, e.getMessage());
        }
        return BoundedProbe.run(endpoint, service.deadlines().health(), abandon -> {
            String version = version(socket.ask("show info"));
            try {
                StatsCsv.parse(socket.ask("show stat"));
            } catch (IOException e) {
                throw socket.failure("show stat: " + e.getMessage(), e);
            }
            return version;
        });
    }

    /** The {@code Version:} line of {@code show info}, or null when there is none. */
    static String version(String info) {
        return info.lines().filter(l -> l.startsWith("Version:")).map(l -> l.substring(8).strip()).findFirst().orElse(null);
    }
}
