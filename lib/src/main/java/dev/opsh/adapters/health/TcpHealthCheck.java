package dev.opsh.adapters.health;

import dev.opsh.ExitCode;
import dev.opsh.OpshException;
import dev.opsh.adapters.BoundedProbe;
import dev.opsh.adapters.HealthCheck;
import dev.opsh.adapters.ServiceEndpoint;
import dev.opsh.adapters.ServiceHealth;
import dev.opsh.dsl.OpsContext;
import dev.opsh.inventory.Service;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * The probe for services opsh has no protocol for (MinIO, ...): a TCP connection to their port
 * opens within the deadline. It proves the port listens, not that the service works.
 */
public final class TcpHealthCheck implements HealthCheck {
    @Override
    public ServiceHealth probe(Service service, OpsContext context) {
        ServiceEndpoint tcp = ServiceEndpoint.of(context.inventory(), service, 0);
        if (tcp.port() == 0) {
            return BoundedProbe.down(tcp, "no port in the inventory, and opsh has no probe for type " + service.type());
        }
        try {
            context.provisioner().prepare(service);
        } catch (OpshException e) {
            return BoundedProbe.down(tcp, e.getMessage());
        }
        return BoundedProbe.run(tcp, service.deadlines().health(), abandon -> {
            try (Socket socket = new Socket()) {
                abandon.closeOnTimeout(socket);
                socket.connect(new InetSocketAddress(tcp.address(), tcp.port()));
                return null;
            } catch (ConnectException e) {
                throw new OpshException(ExitCode.FAILURE, "TCP connect to " + tcp.hostPort() + ": connection refused", e);
            }
        });
    }
}
