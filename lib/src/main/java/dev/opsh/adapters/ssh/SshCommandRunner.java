package dev.opsh.adapters.ssh;

import dev.opsh.ExitCode;
import dev.opsh.OpshException;
import dev.opsh.adapters.CommandResult;
import dev.opsh.adapters.CommandRunner;
import dev.opsh.adapters.Interruption;
import dev.opsh.dsl.InFlight;
import dev.opsh.dsl.OpsContext;
import dev.opsh.dsl.SessionEvents;
import dev.opsh.inventory.Durations;
import dev.opsh.inventory.Host;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.connection.channel.direct.Session;

/**
 * Runs one command on one host over the session's SSH connection to it. A command that outlives
 * its timeout, or a Ctrl-C, closes that connection, which ends the remote command (SIGHUP) and
 * every blocked read; the next command opens a fresh one. Each command is reported to the
 * session's events, with exit -1 when it could not run.
 */
public final class SshCommandRunner implements CommandRunner {
    /** Output kept per stream; the rest is read and dropped so the command can finish. */
    static final int MAX_OUTPUT = 1 << 20;
    /** Exit reported when the remote command died of a signal, as OpenSSH's ssh does. */
    static final int SIGNALLED = 255;

    private final SshConnections connections;
    private final InFlight inFlight;
    private final SessionEvents events;

    public SshCommandRunner(SshConnections connections, InFlight inFlight, SessionEvents events) {
        this.connections = connections;
        this.inFlight = inFlight;
        this.events = events;
    }

    public static SshCommandRunner of(OpsContext context) {
        return new SshCommandRunner(SshConnections.of(context), context.inFlight(), context.events());
    }

    @Override
    public CommandResult run(Host host, String command, Duration timeout) {
        long start = System.nanoTime();
        try {
            CommandResult result = execute(host, command, timeout, start);
            events.remote(host.name(), command, result.exit(), result.duration());
            return result;
        } catch (OpshException e) {
            events.remote(host.name(), command, -1, Duration.ofNanos(System.nanoTime() - start));
            throw e;
        }
    }

    private CommandResult execute(Host host, String command, Duration timeout, long start) {
        String at = SshConnections.describe(host);
        SSHClient client = connections.get(host);
        AtomicBoolean timedOut = new AtomicBoolean();
        ScheduledFuture<?> watchdog = connections.after(timeout, () -> {
            timedOut.set(true);
            connections.discard(host);
        });
        try (InFlight.Registration ignored = inFlight.register(() -> connections.discard(host));
             Session session = client.startSession()) {
            session.setAutoExpand(true);
            Session.Command cmd = session.exec(command);
            String stdout = drain(cmd.getInputStream());
            String stderr = drain(cmd.getErrorStream());
            cmd.join(Math.max(1, timeout.toMillis() - elapsed(start).toMillis()), TimeUnit.MILLISECONDS);
            Integer exit = cmd.getExitStatus();
            if (exit == null && cmd.getExitSignal() != null) {
                stderr = (stderr + "\nkilled by signal " + cmd.getExitSignal()).strip();
            }
            return new CommandResult(host.name(), command, exit == null ? SIGNALLED : exit, stdout, stderr, elapsed(start));
        } catch (IOException e) {
            connections.discard(host);
            if (timedOut.get()) {
                throw new OpshException(ExitCode.FAILURE, at + ": '" + command + "' did not finish within "
                        + Durations.format(timeout) + "; its connection was closed", e);
            }
            if (Thread.currentThread().isInterrupted() || e instanceof InterruptedIOException) {
                Thread.currentThread().interrupt();
                throw new OpshException(ExitCode.FAILURE, at + ": '" + command + "' cancelled", Interruption.of(e));
            }
            throw new OpshException(ExitCode.FAILURE, at + ": running '" + command + "' failed: " + e.getMessage(), e);
        } finally {
            watchdog.cancel(false);
        }
    }

    private static String drain(InputStream in) throws IOException {
        ByteArrayOutputStream kept = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        while ((n = in.read(buffer)) >= 0) {
            int room = MAX_OUTPUT - kept.size();
            kept.write(buffer, 0, Math.min(n, Math.max(room, 0)));
        }
        return kept.toString(StandardCharsets.UTF_8).stripTrailing();
    }

    private static Duration elapsed(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
