package dev.opsh.dsl;

import dev.opsh.inventory.Inventory;

/** The verbs every session has, whatever its services. */
public interface CoreVerbs extends Verbs {
    @Verb(effect = Effect.READ, summary = "this session's inventory: environment, hosts, groups, services",
            example = "inventory.services.keySet()")
    default Inventory getInventory() {
        return context().inventory();
    }
}
