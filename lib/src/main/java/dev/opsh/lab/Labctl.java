package dev.opsh.lab;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The lab's {@code labctl} script: the one way its services are started, stopped and killed, by the
 * lab itself and by the lab inventories' commands over SSH.
 */
final class Labctl {
    private static final Duration QUICK = Duration.ofSeconds(30);
    private static final Duration SLOW = Duration.ofSeconds(180);

    /** One line of {@code labctl status}. */
    record Line(String service, boolean running, long pid) {}

    private final LabConfig config;

    Labctl(LabConfig config) {
        this.config = config;
    }

    Path path() {
        return config.labctl();
    }

    /** Writes the script when it is missing or differs from this version of opsh. */
    void install() {
        try (InputStream in = Labctl.class.getResourceAsStream("labctl")) {
            if (in == null) {
                throw new IllegalStateException("labctl is missing from the opsh jar");
            }
            byte[] script = in.readAllBytes();
            Path target = config.labctl();
            if (!Files.exists(target) || !Arrays.equals(Files.readAllBytes(target), script)) {
                Path tmp = target.resolveSibling("labctl.tmp");
                Files.write(tmp, script);
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
                Files.move(tmp, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + config.labctl(), e);
        }
    }

    /** Starts a service unless it runs; returns labctl's one-line account (started or running, with the PID). */
    String start(String service) {
        return run("starting lab " + service, SLOW, "start", service).strip();
    }

    void stop(String service) {
        run("stopping lab " + service, SLOW, "stop", service);
    }

    void kill(String service) {
        run("killing lab " + service, QUICK, "kill", service);
    }

    /** Stops every service, cleanly or (fast) by SIGKILL. */
    void down(boolean fast) {
        if (fast) {
            run("taking the lab down", SLOW, "down", "fast");
        } else {
            run("taking the lab down", SLOW, "down");
        }
    }

    /** Takes the lab down when the process {@code pid} exits. */
    void watch(long pid) {
        run("watching process " + pid, QUICK, "watch", Long.toString(pid));
    }

    Map<String, Line> status() {
        Map<String, Line> lines = new LinkedHashMap<>();
        for (String text : run("reading the lab's status", QUICK, "status").lines().toList()) {
            String[] fields = text.trim().split("\\s+");
            if (fields.length >= 3) {
                long pid = fields[2].equals("-") ? 0 : Long.parseLong(fields[2]);
                lines.put(fields[0], new Line(fields[0], fields[1].equals("up"), pid));
            }
        }
        return lines;
    }

    /** Runs pgbackrest as postgres with the lab's configuration. */
    String pgbackrest(String what, String... args) {
        List<String> command = new ArrayList<>(List.of("pgbackrest"));
        command.addAll(List.of(args));
        return run(what, SLOW, command.toArray(String[]::new));
    }

    private String run(String what, Duration timeout, String... args) {
        List<String> command = new ArrayList<>(List.of(config.labctl().toString()));
        command.addAll(List.of(args));
        return ProcessRunner.run(what, timeout, command);
    }
}
