package dev.opsh.adapters;

import dev.opsh.inventory.Deadlines;
import dev.opsh.inventory.Host;
import dev.opsh.inventory.Inventory;
import dev.opsh.inventory.Service;
import dev.opsh.inventory.SshSettings;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/** Copies of a loaded inventory with one thing changed, for tests that break one service or host. */
public final class InventoryEdits {
    private InventoryEdits() {
    }

    public static Inventory withService(Inventory inv, Service service) {
        Map<String, Service> services = new LinkedHashMap<>(inv.services());
        services.put(service.name(), service);
        return new Inventory(inv.name(), inv.source(), inv.environment(), inv.isProtected(), inv.lab(), inv.hosts(),
                inv.groups(), services, inv.deadlines(), inv.ssh(), inv.backup(), inv.readOnlyCommands());
    }

    public static Inventory withHost(Inventory inv, Host host) {
        Map<String, Host> hosts = new LinkedHashMap<>(inv.hosts());
        hosts.put(host.name(), host);
        return new Inventory(inv.name(), inv.source(), inv.environment(), inv.isProtected(), inv.lab(), hosts,
                inv.groups(), inv.services(), inv.deadlines(), inv.ssh(), inv.backup(), inv.readOnlyCommands());
    }

    public static Inventory withSsh(Inventory inv, SshSettings ssh) {
        return new Inventory(inv.name(), inv.source(), inv.environment(), inv.isProtected(), inv.lab(), inv.hosts(),
                inv.groups(), inv.services(), inv.deadlines(), ssh, inv.backup(), inv.readOnlyCommands());
    }

    public static Service port(Service s, int port) {
        return new Service(s.name(), s.type(), s.hosts(), port, s.ports(), s.user(), s.password(), s.unit(), s.commands(),
                s.impact(), s.thresholds(), s.settings(), s.deadlines());
    }

    public static Service ports(Service s, Map<String, Integer> ports) {
        return new Service(s.name(), s.type(), s.hosts(), s.port(), ports, s.user(), s.password(), s.unit(), s.commands(),
                s.impact(), s.thresholds(), s.settings(), s.deadlines());
    }

    public static Service settings(Service s, UnaryOperator<Map<String, String>> edit) {
        return new Service(s.name(), s.type(), s.hosts(), s.port(), s.ports(), s.user(), s.password(), s.unit(), s.commands(),
                s.impact(), s.thresholds(), Map.copyOf(edit.apply(new LinkedHashMap<>(s.settings()))), s.deadlines());
    }

    public static Service deadlines(Service s, Deadlines deadlines) {
        return new Service(s.name(), s.type(), s.hosts(), s.port(), s.ports(), s.user(), s.password(), s.unit(), s.commands(),
                s.impact(), s.thresholds(), s.settings(), deadlines);
    }

    public static Host local(Host h, boolean local) {
        return new Host(h.name(), h.address(), h.user(), h.port(), h.keyFile(), local);
    }

    public static Host renamed(Host h, String name, int port) {
        return new Host(name, h.address(), h.user(), port, h.keyFile(), h.local());
    }
}
