package dev.opsh.dsl;

import dev.opsh.inventory.Service;

/**
 * Makes a service reachable before a verb uses it. For the lab inventories it starts the local lab
 * on first use; for real inventories it does nothing.
 */
@FunctionalInterface
public interface Provisioner {
    Provisioner NONE = service -> {};

    void prepare(Service service);
}
