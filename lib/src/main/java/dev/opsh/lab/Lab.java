package dev.opsh.lab;

import dev.opsh.ExitCode;
import dev.opsh.OpshException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * The lab: private PostgreSQL (with pgBackRest), Redis, RabbitMQ, OpenSSH and HAProxy servers,
 * started from Debian's packages on free loopback ports under one state directory. It is the
 * default environment of opsh and the fixture of the integration tests.
 *
 * <p>Ports, keys and passwords are picked when the directory is first used ({@link #config()}) and
 * kept; nothing starts until {@link #up}. If a kept port has since been taken by a process the lab
 * did not start, {@code up} fails with a message naming the port rather than moving the service, so
 * that inventories already loaded stay right. The lab keeps running across sessions until
 * {@link #down}. Every process is started by the generated {@code labctl} script in its own process
 * group with a PID file, so nothing is ever signalled that the lab did not start.
 */
public final class Lab {
    /** The lab's services, in the order {@link #status} lists them. */
    public static final List<String> SERVICES = LabServices.NAMES;

    private final Path dir;
    private final boolean throwaway;
    private final AtomicBoolean tiedToJvm = new AtomicBoolean();
    private final AtomicBoolean hooked = new AtomicBoolean();

    private Lab(Path dir, boolean throwaway) {
        this.dir = dir.toAbsolutePath().normalize();
        this.throwaway = throwaway;
    }

    /** The lab whose state lives in {@code stateDir}. */
    public static Lab at(Path stateDir) {
        return new Lab(stateDir, false);
    }

    /**
     * A lab that dies with this JVM, for tests: a shutdown hook and a watchdog process take it down
     * (by SIGKILL) when the JVM exits, even if the JVM itself is killed.
     */
    public static Lab throwaway(Path stateDir) {
        return new Lab(stateDir, true);
    }

    /** {@code $OPSH_LAB_DIR}, else {@code $XDG_STATE_HOME/opsh/lab}, else {@code ~/.local/state/opsh/lab}. */
    public static Path defaultDir() {
        return defaultDir(System::getenv, Path.of(System.getProperty("user.home")));
    }

    /** {@link #defaultDir()} for a given environment and home directory. */
    public static Path defaultDir(Function<String, String> environment, Path home) {
        return dev.opsh.StateDirectory.part(environment, home, "OPSH_LAB_DIR", "lab");
    }

    public Path dir() {
        return dir;
    }

    /** The lab's ports, paths and names, created on first use (files only; starts nothing). */
    public LabConfig config() {
        return LabConfig.loadOrCreate(dir);
    }

    /** The {@code ${lab:...}} values for inventories; reading them never starts the lab. */
    public LabPlaceholders placeholders() {
        return new LabPlaceholders(this);
    }

    /**
     * Starts the named services (all of them when {@code services} is empty) and what they need,
     * leaving running ones alone, and returns when every one answers over its own protocol.
     */
    public void up(Set<String> services, LabListener listener) {
        List<String> wanted = LabServices.resolve(services);
        LabLock.run(dir, () -> {
            LabConfig config = config();
            Labctl labctl = new Labctl(config);
            labctl.install();
            Map<String, ServiceLauncher> launchers = LabServices.launchers(config, labctl);
            if (throwaway) {
                tieToJvm(labctl);
            }
            new LabStartup(labctl, launchers, listener).run(wanted, PackageInstaller.forThisMachine());
        });
    }

    /** Starts one service (and what it needs) unless it runs. */
    public void ensureUp(String service) {
        up(Set.of(service), LabListener.NONE);
    }

    /**
     * Stops every lab process and checks, by the PIDs and process groups it recorded, that none is
     * left; an OpshException names any that is.
     */
    public void down() {
        LabLock.run(dir, () -> {
            Optional<LabConfig> config = LabConfig.load(dir);
            if (config.isEmpty()) {
                return;
            }
            Labctl labctl = new Labctl(config.get());
            labctl.install();
            List<LabProcesses.Recorded> before = LabProcesses.recorded(config.get().runDir());
            labctl.down(throwaway);
            tiedToJvm.set(false);
            List<String> left = new ArrayList<>();
            for (LabProcesses.Recorded process : before) {
                if (LabProcesses.leftBehind(process)) {
                    left.add(process.service() + " (pid " + process.pid() + ")");
                }
            }
            for (long pid : LabProcesses.postgresChildren(config.get().id())) {
                left.add("a postgres child (pid " + pid + ")");
            }
            if (!left.isEmpty()) {
                throw new OpshException(ExitCode.FAILURE, "lab down left processes running: " + String.join(", ", left)
                        + "; see " + config.get().dir().resolve("logs"));
            }
        });
    }

    /** Every service: its recorded PID, its port, and whether it runs and accepts connections. */
    public List<LabServiceStatus> status() {
        Optional<LabConfig> loaded = LabConfig.load(dir);
        List<LabServiceStatus> result = new ArrayList<>();
        if (loaded.isEmpty()) {
            for (String service : SERVICES) {
                result.add(new LabServiceStatus(service, 0, 0, LabServiceStatus.State.DOWN,
                        "not created yet; 'opsh lab up' creates it in " + dir));
            }
            return result;
        }
        LabConfig config = loaded.get();
        Labctl labctl = new Labctl(config);
        labctl.install();
        Map<String, Labctl.Line> lines = labctl.status();
        for (String service : SERVICES) {
            int port = config.port(LabServices.portName(service));
            Labctl.Line line = lines.get(service);
            long pid = line == null ? 0 : line.pid();
            if (line == null || !line.running()) {
                String detail = pid == 0 ? "not running" : "pid " + pid + " is gone; 'opsh lab up' starts it again";
                result.add(new LabServiceStatus(service, pid, port, LabServiceStatus.State.DOWN, detail));
            } else if (accepts(port)) {
                result.add(new LabServiceStatus(service, pid, port, LabServiceStatus.State.UP, "accepting on 127.0.0.1:" + port));
            } else {
                result.add(new LabServiceStatus(service, pid, port, LabServiceStatus.State.DOWN,
                        "pid " + pid + " runs but 127.0.0.1:" + port + " refuses connections"));
            }
        }
        return result;
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private void tieToJvm(Labctl labctl) {
        if (hooked.compareAndSet(false, true)) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    labctl.down(true);
                } catch (RuntimeException ignored) {
                    // The JVM is exiting; the watchdog finishes the job if this could not.
                }
            }, "opsh-lab-shutdown"));
        }
        if (tiedToJvm.compareAndSet(false, true)) {
            labctl.watch(ProcessHandle.current().pid());
        }
    }

    @Override
    public String toString() {
        return "lab at " + dir;
    }
}
