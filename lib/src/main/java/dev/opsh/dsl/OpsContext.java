package dev.opsh.dsl;

import dev.opsh.chaos.ChaosLedger;
import dev.opsh.guard.Guard;
import dev.opsh.guard.Operator;
import dev.opsh.inventory.Inventory;
import dev.opsh.inventory.Secrets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Everything a verb needs from its session: the inventory, credentials, the event sink, the
 * in-flight calls Ctrl-C may close, the adapters' clients (opened on first use and closed with the
 * session), the operator behind the keyboard, the guard that authorizes mutations, and the ledger
 * of what this session's chaos took down.
 */
public final class OpsContext implements AutoCloseable {
    private final Inventory inventory;
    private final Secrets secrets;
    private final SessionEvents events;
    private final Provisioner provisioner;
    private final Operator operator;
    private final Guard guard = new Guard(this);
    private final ChaosLedger chaosLedger = new ChaosLedger();
    private final InFlight inFlight = new InFlight();
    private final Map<String, AutoCloseable> clients = new LinkedHashMap<>();

    /** A session with nobody at the keyboard: every mutation on a protected inventory is refused. */
    public OpsContext(Inventory inventory, Secrets secrets, SessionEvents events, Provisioner provisioner) {
        this(inventory, secrets, events, provisioner, Operator.NONE);
    }

    /** @param operator the environment opsh started with and the terminal the operator confirms on */
    public OpsContext(Inventory inventory, Secrets secrets, SessionEvents events, Provisioner provisioner, Operator operator) {
        this.inventory = inventory;
        this.secrets = secrets;
        this.events = events;
        this.provisioner = provisioner;
        this.operator = operator;
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

    public Operator operator() {
        return operator;
    }

    /** The gate every MUTATE and CHAOS verb passes before it changes anything. */
    public Guard guard() {
        return guard;
    }

    /** What this session's chaos took down and brought back. */
    public ChaosLedger chaosLedger() {
        return chaosLedger;
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
