package dev.opsh.chaos;

import dev.opsh.inventory.Host;
import dev.opsh.inventory.Inventory;
import dev.opsh.inventory.Service;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** Helpers for chaos tests on throw-away labs: real-state checks and inventory variants. */
public final class ChaosTestLabs {
    private ChaosTestLabs() {}

    /** Whether something accepts TCP connections on 127.0.0.1:port right now. */
    static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Waits up to {@code within} for {@code condition}; whether it came true. */
    public static boolean eventually(Duration within, BooleanSupplier condition) throws InterruptedException {
        Instant end = Instant.now().plus(within);
        while (Instant.now().isBefore(end)) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(100);
        }
        return condition.getAsBoolean();
    }

    /**
     * The inventory with a second name for its one host ({@code lab2}) and a service {@code cache}
     * running on both, whose commands are those of {@code like}: a service of several nodes.
     */
    static Inventory withTwoNodeService(Inventory i, String like) {
        Host lab = i.host("lab");
        Map<String, Host> hosts = new LinkedHashMap<>(i.hosts());
        hosts.put("lab2", new Host("lab2", lab.address(), lab.user(), lab.port(), lab.keyFile(), lab.local()));
        Service s = i.service(like);
        Map<String, Service> services = new LinkedHashMap<>(i.services());
        services.put("cache", new Service("cache", s.type(), List.of("lab", "lab2"), s.port(), s.ports(), s.user(), s.password(),
                s.unit(), s.commands(), "one cache node of two gone", s.thresholds(), s.settings(), s.deadlines()));
        return new Inventory(i.name(), i.source(), i.environment(), i.isProtected(), i.lab(), Map.copyOf(hosts), i.groups(),
                services, i.deadlines(), i.ssh(), i.backup(), i.readOnlyCommands());
    }

    /** Seeds the ledger as if this session had taken {@code service} down on {@code node}. */
    public static void markDown(ChaosLedger ledger, String service, String node) {
        ChaosLedger.Hit hit = ledger.begin(service, node, "kill", Instant.now());
        ledger.down(hit, Instant.now());
    }
}
