package dev.opsh.adapters.health;

import dev.opsh.adapters.HealthCheck;
import dev.opsh.adapters.ServiceHealth;
import dev.opsh.adapters.ServiceLookup;
import dev.opsh.dsl.OpsContext;
import dev.opsh.inventory.Durations;
import dev.opsh.inventory.Service;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;

/**
 * The probe for services opsh has no protocol for (MinIO, ...): a TCP connection to their port
 * opens within the deadline. It proves the port listens, not that the service works.
 */
public final class TcpHealthCheck implements HealthCheck {
    @Override
    public ServiceHealth probe(Service service, OpsContext context) {
        long start = System.nanoTime();
        String address = ServiceLookup.firstHost(context.inventory(), service).address();
        String endpoint = address + ":" + service.port();
        if (service.port() == 0) {
            return Probes.down(service.name(), service.type(), address, start,
                    "no port in the inventory and no probe for type " + service.type());
        }
        context.provisioner().prepare(service);
        Duration deadline = min(service.deadlines().connect(), service.deadlines().health());
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, service.port()), (int) deadline.toMillis());
            return Probes.up(service.name(), service.type(), endpoint, start, null);
        } catch (ConnectException e) {
            return Probes.down(service.name(), service.type(), endpoint, start, "TCP connect: connection refused");
        } catch (SocketTimeoutException e) {
            return Probes.down(service.name(), service.type(), endpoint, start,
                    "TCP connect: no connection within " + Durations.format(deadline));
        } catch (IOException e) {
            return Probes.down(service.name(), service.type(), endpoint, start, "TCP connect: " + e.getMessage());
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
