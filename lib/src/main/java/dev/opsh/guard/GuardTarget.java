package dev.opsh.guard;

import dev.opsh.adapters.ServiceEndpoint;
import dev.opsh.inventory.Host;

/**
 * One thing a mutation touches: a service on a host, or a host alone (an ssh command).
 *
 * @param service the service's name, or null for a host alone
 * @param host the host's inventory name
 * @param address where the host is reached, such as {@code root@10.0.0.5:22}, or with the service's port
 */
public record GuardTarget(String service, String host, String address) {
    public static GuardTarget service(String service, Host host, int port) {
        return new GuardTarget(service, host.name(), host.address() + (port > 0 ? ":" + port : ""));
    }

    /** Where a client reaches a service: its first host and its port. */
    public static GuardTarget service(ServiceEndpoint endpoint) {
        return service(endpoint.service().name(), endpoint.host(), endpoint.port());
    }

    public static GuardTarget host(Host host) {
        return new GuardTarget(null, host.name(), host.toString());
    }

    @Override
    public String toString() {
        return (service == null ? "" : "service '" + service + "' on ") + "host " + host + " (" + address + ")";
    }
}
