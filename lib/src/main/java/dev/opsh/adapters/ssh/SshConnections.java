package dev.opsh.adapters.ssh;

import dev.opsh.ExitCode;
import dev.opsh.OpshException;
import dev.opsh.adapters.Interruption;
import dev.opsh.dsl.InFlight;
import dev.opsh.dsl.OpsContext;
import dev.opsh.inventory.Deadlines;
import dev.opsh.inventory.Durations;
import dev.opsh.inventory.Host;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import net.schmizz.sshj.DefaultConfig;
import net.schmizz.sshj.SSHClient;

/**
 * The session's SSH connections, one per host, opened on first use (host key verified, then
 * authenticated) and reused by every later command on that host. Closed with the session.
 */
public final class SshConnections implements AutoCloseable {
    private static final String CLIENT_KEY = "ssh.connections";

    private final SshLogin login;
    private final Deadlines deadlines;
    private final InFlight inFlight;
    private final DefaultConfig config = new DefaultConfig();
    private final Map<String, SSHClient> open = new ConcurrentHashMap<>();
    private final Map<String, Object> locks = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "opsh-ssh-deadlines");
        t.setDaemon(true);
        return t;
    });

    /**
     * @param knownHosts the known_hosts file every host key is verified against
     * @param environment where {@code SSH_AUTH_SOCK} is looked up for hosts without a key file
     */
    public SshConnections(Path knownHosts, Deadlines deadlines, InFlight inFlight, Function<String, String> environment) {
        this.login = new SshLogin(knownHosts, environment);
        this.deadlines = deadlines;
        this.inFlight = inFlight;
    }

    /** The session's connections, created on first use with the inventory's known_hosts and deadlines. */
    public static SshConnections of(OpsContext context) {
        return context.client(CLIENT_KEY, () -> new SshConnections(Path.of(context.inventory().ssh().knownHosts()),
                context.inventory().deadlines(), context.inFlight(), System::getenv));
    }

    /** An authenticated connection to {@code host}: the open one, or a new one. */
    SSHClient get(Host host) {
        synchronized (locks.computeIfAbsent(host.name(), k -> new Object())) {
            SSHClient client = open.get(host.name());
            if (client != null && client.isConnected() && client.isAuthenticated()) {
                return client;
            }
            if (client != null) {
                discard(host);
            }
            client = connect(host);
            open.put(host.name(), client);
            return client;
        }
    }

    /** Closes the connection to {@code host}, if any, so that the next command opens a fresh one. */
    void discard(Host host) {
        SSHClient client = open.remove(host.name());
        closeQuietly(client);
    }

    /** Runs {@code action} after {@code delay} unless the returned future is cancelled first. */
    ScheduledFuture<?> after(Duration delay, Runnable action) {
        return timer.schedule(action, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private SSHClient connect(Host host) {
        String at = describe(host);
        SSHClient client = new SSHClient(config);
        KnownHostsVerifier verifier = login.verifier();
        client.addHostKeyVerifier(verifier);
        client.setConnectTimeout(millis(deadlines.connect()));
        client.setTimeout(millis(deadlines.read()));
        client.getTransport().setTimeoutMs(millis(deadlines.read()));
        Duration budget = deadlines.connect().plus(deadlines.read().multipliedBy(2));
        Deadline deadline = new Deadline(client);
        ScheduledFuture<?> watchdog = after(budget, deadline::expire);
        boolean connected = false;
        try (InFlight.Registration ignored = inFlight.register(client)) {
            client.connect(host.address(), host.port());
            login.authenticate(client, host, at, deadline);
            connected = true;
            return client;
        } catch (IOException | OpshException e) {
            boolean accepted = client.getSocket() != null && client.getSocket().isConnected();
            if (verifier.refusal() != null) {
                throw new OpshException(ExitCode.FAILURE, at + ": " + verifier.refusal(), e);
            }
            if (Thread.currentThread().isInterrupted()) {
                throw new OpshException(ExitCode.FAILURE, at + ": cancelled while connecting", Interruption.of(e));
            }
            if (deadline.expired()) {
                throw new OpshException(ExitCode.FAILURE, at + ": no SSH handshake and login within " + Durations.format(budget)
                        + " (tried connect, key exchange and login)", e);
            }
            if (e instanceof OpshException opsh) {
                throw opsh;
            }
            String reason = accepted && SshErrors.timedOut(e)
                    ? "the port accepts connections but sent no SSH answer within " + Durations.format(deadlines.read())
                    : SshErrors.reason(e, deadlines.connect());
            throw new OpshException(ExitCode.FAILURE, at + ": cannot connect: " + reason, e);
        } finally {
            watchdog.cancel(false);
            if (!connected) {
                closeQuietly(client);
            }
        }
    }

    static String describe(Host host) {
        return "ssh " + host.name() + " (" + host.user() + "@" + host.address() + ":" + host.port() + ")";
    }

    private static int millis(Duration d) {
        return (int) Math.min(Integer.MAX_VALUE, d.toMillis());
    }

    static void closeQuietly(AutoCloseable c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (Exception ignored) {
            // The connection is being abandoned; nothing is left to tell the operator.
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        for (String host : Map.copyOf(open).keySet()) {
            closeQuietly(open.remove(host));
        }
    }
}
