package dev.opsh.adapters;

import dev.opsh.inventory.BackupPolicy;
import dev.opsh.inventory.Deadlines;
import dev.opsh.inventory.Inventory;
import dev.opsh.inventory.SecretRef;
import dev.opsh.inventory.Service;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/** Copies of an inventory with one thing changed, for pointing a verb at a broken service. */
public final class InventoryCopies {
    private InventoryCopies() {}

    public static Inventory withService(Inventory inventory, String name, UnaryOperator<Service> change) {
        Map<String, Service> services = new LinkedHashMap<>(inventory.services());
        services.put(name, change.apply(inventory.service(name)));
        return new Inventory(inventory.name(), inventory.source(), inventory.environment(), inventory.isProtected(),
                inventory.lab(), inventory.hosts(), inventory.groups(), services, inventory.deadlines(), inventory.ssh(),
                inventory.backup(), inventory.readOnlyCommands());
    }

    public static Inventory withBackup(Inventory inventory, BackupPolicy backup) {
        return new Inventory(inventory.name(), inventory.source(), inventory.environment(), inventory.isProtected(),
                inventory.lab(), inventory.hosts(), inventory.groups(), inventory.services(), inventory.deadlines(),
                inventory.ssh(), backup, inventory.readOnlyCommands());
    }

    public static Service port(Service s, int port) {
        return new Service(s.name(), s.type(), s.hosts(), port, s.ports(), s.user(), s.password(), s.unit(), s.commands(),
                s.impact(), s.thresholds(), s.settings(), s.deadlines());
    }

    public static Service password(Service s, SecretRef password) {
        return new Service(s.name(), s.type(), s.hosts(), s.port(), s.ports(), s.user(), password, s.unit(), s.commands(),
                s.impact(), s.thresholds(), s.settings(), s.deadlines());
    }

    public static Service deadlines(Service s, Deadlines deadlines) {
        return new Service(s.name(), s.type(), s.hosts(), s.port(), s.ports(), s.user(), s.password(), s.unit(), s.commands(),
                s.impact(), s.thresholds(), s.settings(), deadlines);
    }
}
