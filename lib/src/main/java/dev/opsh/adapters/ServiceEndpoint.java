package dev.opsh.adapters;

import dev.opsh.inventory.Host;
import dev.opsh.inventory.Inventory;
import dev.opsh.inventory.Service;

/**
 * Where an adapter reaches a service: the address of its first host and its port. Its
 * {@link #toString()} is the phrase every error message starts with, such as
 * {@code postgres 'db' at 10.0.0.5:5432}.
 */
public record ServiceEndpoint(Service service, Host host, int port) {

    /** The endpoint of {@code service}, using {@code defaultPort} when the inventory gives none. */
    public static ServiceEndpoint of(Inventory inventory, Service service, int defaultPort) {
        Host host = inventory.host(service.hosts().get(0));
        return new ServiceEndpoint(service, host, service.port() > 0 ? service.port() : defaultPort);
    }

    public String address() {
        return host.address();
    }

    /** {@code address:port}. */
    public String hostPort() {
        return host.address() + ":" + port;
    }

    @Override
    public String toString() {
        return service.type() + " '" + service.name() + "' at " + hostPort();
    }
}
