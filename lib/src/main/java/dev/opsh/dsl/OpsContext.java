package dev.opsh.dsl;

import dev.opsh.inventory.Inventory;
import dev.opsh.inventory.Secrets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Everything a verb needs from its session: the inventory, credentials, the event sink, the
 * in-flight calls Ctrl-C may close, and the adapters' clients, opened on first use and closed
 * with the session.
 */
public final class OpsContext implements AutoCloseable {
    private final Inventory inventory;
    private final Secrets secrets;
    private final SessionEvents events;
    private final Provisioner provisioner;
    private final InFlight inFlight = new InFlight();
    private final Map<String, AutoCloseable> clients = new LinkedHashMap<>();

    public OpsContext(Inventory inventory, Secrets secrets, SessionEvents events, Provisioner provisioner) {
        this.inventory = inventory;
        this.secrets = secrets;
        this.events = events;
        this.provisioner = provisioner;
    }

    public Inventory inventory() {
        return inventory;
    }

    public Secrets secrets() {
        return secrets;
    }

    public SessionEvents events() {
        return events;
    }

    public InFlight inFlight() {
        return inFlight;
    }

    public Provisioner provisioner() {
        return provisioner;
    }

    /** The session's client under {@code key}, created by {@code open} the first time it is asked for. */
    @SuppressWarnings("unchecked")
    public synchronized <T extends AutoCloseable> T client(String key, Supplier<T> open) {
        AutoCloseable client = clients.get(key);
        if (client == null) {
            client = open.get();
            clients.put(key, client);
        }
        return (T) client;
    }

    /** Forgets a client that broke, closing it, so that the next use opens a fresh one. */
    public synchronized void discard(String key) {
        AutoCloseable client = clients.remove(key);
        closeQuietly(client);
    }

    @Override
    public synchronized void close() {
        List<AutoCloseable> open = new ArrayList<>(clients.values());
        clients.clear();
        for (int i = open.size() - 1; i >= 0; i--) {
            closeQuietly(open.get(i));
        }
    }

    private static void closeQuietly(AutoCloseable c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (Exception ignored) {
            // Closing at the end of a session; there is nobody left to tell.
        }
    }
}
