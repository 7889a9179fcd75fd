package dev.opsh.adapters;

import dev.opsh.ExitCode;
import dev.opsh.OpshException;
import dev.opsh.inventory.Inventory;
import dev.opsh.inventory.Service;

/** Picks the service a verb talks to: the first of its type, or one named by the operator. */
public final class ServiceSelector {
    private ServiceSelector() {}

    /** The first service of {@code type} in inventory order. */
    public static Service first(Inventory inventory, String type) {
        return inventory.services().values().stream()
                .filter(s -> s.type().equals(type))
                .findFirst()
                .orElseThrow(() -> new OpshException(ExitCode.FAILURE, "inventory '" + inventory.name()
                        + "' has no " + type + " service (services: " + String.join(", ", inventory.services().keySet()) + ")"));
    }

    /** The service called {@code name}, which must be of {@code type}; unknown names get a did-you-mean. */
    public static Service named(Inventory inventory, String name, String type) {
        Service service = inventory.service(name);
        if (!service.type().equals(type)) {
            throw new OpshException(ExitCode.FAILURE, "service '" + name + "' is a " + service.type() + " service, not " + type);
        }
        return service;
    }
}
