package dev.opsh.adapters;

import dev.opsh.ExitCode;
import dev.opsh.OpshException;
import dev.opsh.dsl.InFlight;
import dev.opsh.inventory.Host;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Runs a command on this machine with {@code /bin/sh -c}, for inventories whose tools run locally.
 * The process is registered in flight, so Ctrl-C kills it; past its timeout it is killed and the
 * call fails. Standard input is empty, and each output stream keeps at most 4 MiB.
 */
public final class LocalCommandRunner implements CommandRunner {
    static final int MAX_OUTPUT = 4 << 20;
    private static final Duration DRAIN = Duration.ofSeconds(1);

    private final InFlight inFlight;

    public LocalCommandRunner(InFlight inFlight) {
        this.inFlight = inFlight;
    }

    /** Runs {@code command}; {@code host} may be null, and only names the result. */
    @Override
    public CommandResult run(Host host, String command, Duration timeout) {
        String where = host == null ? "localhost" : host.name();
        long started = System.nanoTime();
        Process process = start(where, command);
        Drain out = new Drain(process.getInputStream());
        Drain err = new Drain(process.getErrorStream());
        Kill kill = new Kill(process);
        try (InFlight.Registration ignored = inFlight.register(kill)) {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                kill.close();
                throw new OpshException(ExitCode.FAILURE, "'" + command + "' on " + where + " did not finish within "
                        + timeout.toMillis() + " ms and was killed");
            }
        } catch (InterruptedException e) {
            kill.close();
            Thread.currentThread().interrupt();
            throw new OpshException(ExitCode.FAILURE, "'" + command + "' on " + where + " was interrupted and killed", e);
        }
        if (kill.killed) {
            throw new OpshException(ExitCode.FAILURE, "'" + command + "' on " + where + " was cancelled and killed");
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        return new CommandResult(where, command, process.exitValue(), out.text(), err.text(), took);
    }

    private static Process start(String where, String command) {
        try {
            return new ProcessBuilder("/bin/sh", "-c", command)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start();
        } catch (IOException e) {
            throw new OpshException(ExitCode.FAILURE, "cannot start /bin/sh on " + where + " to run '" + command + "': "
                    + e.getMessage(), e);
        }
    }

    /** Kills the process and everything it started; what Ctrl-C and the timeout call. */
    private static final class Kill implements AutoCloseable {
        private final Process process;
        private volatile boolean killed;

        Kill(Process process) {
            this.process = process;
        }

        @Override
        public void close() {
            if (!process.isAlive()) {
                return;
            }
            killed = true;
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    /** Reads one output stream on its own thread, so that a chatty command cannot block on a full pipe. */
    private static final class Drain {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final Thread thread;

        Drain(InputStream in) {
            thread = new Thread(() -> copy(in), "opsh-local-command-output");
            thread.setDaemon(true);
            thread.start();
        }

        private void copy(InputStream in) {
            byte[] buffer = new byte[8192];
            try (in) {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    synchronized (bytes) {
                        int room = MAX_OUTPUT - bytes.size();
                        bytes.write(buffer, 0, Math.max(0, Math.min(n, room)));
                    }
                }
            } catch (IOException ignored) {
                // The process was killed and its pipe closed; what was read so far is kept.
            }
        }

        String text() {
            try {
                thread.join(DRAIN.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            synchronized (bytes) {
                return bytes.toString(StandardCharsets.UTF_8);
            }
        }
    }
}
