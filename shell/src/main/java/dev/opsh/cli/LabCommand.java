package dev.opsh.cli;

import dev.opsh.ExitCode;
import dev.opsh.OpshException;
import dev.opsh.lab.Lab;
import dev.opsh.lab.LabListener;
import dev.opsh.lab.LabServiceStatus;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code opsh lab up|down|status}: the local lab of private servers that the lab and drill
 * inventories use. Exit codes: 0 done, 1 a service failed, 2 bad usage.
 */
@Command(name = "lab", mixinStandardHelpOptions = true,
        description = "Start, stop and inspect the local lab: private PostgreSQL (with pgBackRest), Redis, RabbitMQ, "
                + "sshd and HAProxy on loopback ports. It starts on first use and runs until 'opsh lab down'.")
public final class LabCommand implements Callable<Integer> {
    private static final String ROW = "%-9s %-8s %-6s %-6s %s%n";

    @Spec
    CommandSpec spec;

    @Option(names = "--dir", paramLabel = "DIR",
            description = "The lab's state directory (default: $OPSH_LAB_DIR, else $XDG_STATE_HOME/opsh/lab, else ~/.local/state/opsh/lab).")
    Path dir;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCode.USAGE.code();
    }

    @Command(name = "up", mixinStandardHelpOptions = true,
            description = "Start the lab's services (all when none is named; what they need comes along) and show each as it becomes ready.")
    int up(@Parameters(paramLabel = "SERVICE", arity = "0..*", description = "postgres, redis, rabbitmq, sshd, haproxy")
            List<String> services) {
        return run("up", out -> {
            Lab lab = lab();
            long start = System.nanoTime();
            lab.up(services == null ? Set.of() : new LinkedHashSet<>(services), new Progress(out, "lab in " + lab.dir()));
            out.printf(Locale.ROOT, "lab up in %.1f s%n", (System.nanoTime() - start) / 1e9);
        });
    }

    @Command(name = "down", mixinStandardHelpOptions = true,
            description = "Stop every lab process (and check that none is left). The lab's data stays for the next 'up'.")
    int down() {
        return run("down", out -> {
            Lab lab = lab();
            lab.down();
            out.println("lab down: no lab process left (" + lab.dir() + ")");
        });
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Show each lab service: its PID, its port, and whether it runs and accepts connections.")
    int status() {
        return run("status", out -> {
            out.printf(Locale.ROOT, ROW, "SERVICE", "PID", "PORT", "HEALTH", "DETAIL");
            for (LabServiceStatus row : lab().status()) {
                out.printf(Locale.ROOT, ROW, row.service(), row.pid() == 0 ? "-" : Long.toString(row.pid()),
                        row.port() == 0 ? "-" : Integer.toString(row.port()), row.state(), row.detail());
            }
        });
    }

    private Lab lab() {
        return Lab.at(dir == null ? Lab.defaultDir() : dir);
    }

    /** What a subcommand does with the output. */
    @FunctionalInterface
    private interface Action {
        void run(PrintWriter out);
    }

    /** Runs a subcommand, turning an operator-facing failure into one line on stderr and its exit code. */
    private int run(String subcommand, Action action) {
        PrintWriter out = spec.commandLine().getOut();
        try {
            action.run(out);
            return ExitCode.OK.code();
        } catch (OpshException e) {
            spec.commandLine().getErr().println("opsh lab " + subcommand + ": " + e.getMessage());
            return e.exitCode().code();
        } finally {
            out.flush();
        }
    }

    /** Prints a header line before the first event, then each step and each service as it becomes ready. */
    private static final class Progress implements LabListener {
        private final PrintWriter out;
        private String header;

        Progress(PrintWriter out, String header) {
            this.out = out;
            this.header = header;
        }

        @Override
        public void step(String service, String message) {
            print(String.format(Locale.ROOT, "  %-9s %s", service, message));
        }

        @Override
        public void ready(String service, Duration elapsed, String detail) {
            print(String.format(Locale.ROOT, "  %-9s ready %5.1f s  %s", service, elapsed.toMillis() / 1000.0, detail));
        }

        private void print(String line) {
            if (header != null) {
                out.println(header);
                header = null;
            }
            out.println(line);
            out.flush();
        }
    }
}
