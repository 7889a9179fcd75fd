package dev.opsh.lab;

import dev.opsh.ExitCode;
import dev.opsh.OpshException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Makes sure the Debian packages the lab's services run from are installed. As root, or when
 * {@code sudo -n} works, it installs what is missing with apt-get, showing apt's progress; otherwise
 * it stops with the exact command to run. It never downloads anything else.
 */
final class PackageInstaller {
    /** The programs each service needs, and the package that ships each. */
    private static final Map<String, Map<String, String>> PROGRAMS = Map.of(
            "postgres", Map.of("/usr/lib/postgresql/15/bin/postgres", "postgresql-15",
                    "/usr/lib/postgresql/15/bin/psql", "postgresql-client-15", "/usr/bin/pgbackrest", "pgbackrest"),
            "redis", Map.of("/usr/bin/redis-server", "redis-server"),
            "rabbitmq", Map.of("/usr/lib/rabbitmq/bin/rabbitmq-server", "rabbitmq-server"),
            "sshd", Map.of("/usr/sbin/sshd", "openssh-server", "/usr/bin/ssh-keygen", "openssh-client"),
            "haproxy", Map.of("/usr/sbin/haproxy", "haproxy"));
    private static final Duration APT_DEADLINE = Duration.ofMinutes(15);

    /** How much this process may do to the system. */
    enum Privilege { ROOT, SUDO, NONE }

    private final Predicate<Path> installed;
    private final Privilege privilege;

    PackageInstaller(Predicate<Path> installed, Privilege privilege) {
        this.installed = installed;
        this.privilege = privilege;
    }

    /** The installer for this machine: files are looked up on disk; root or passwordless sudo is detected. */
    static PackageInstaller forThisMachine() {
        return new PackageInstaller(Files::isExecutable, detectPrivilege());
    }

    private static Privilege detectPrivilege() {
        if (PostgresAccount.ROOT) {
            return Privilege.ROOT;
        }
        try {
            Process sudo = new ProcessBuilder("sudo", "-n", "true").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return sudo.waitFor() == 0 ? Privilege.SUDO : Privilege.NONE;
        } catch (java.io.IOException e) {
            return Privilege.NONE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Privilege.NONE;
        }
    }

    /** The packages missing for these services, in a stable order. */
    List<String> missing(Collection<String> services) {
        Set<String> packages = new LinkedHashSet<>();
        for (String service : services) {
            PROGRAMS.getOrDefault(service, Map.of()).forEach((program, pkg) -> {
                if (!installed.test(Path.of(program))) {
                    packages.add(pkg);
                }
            });
        }
        return packages.stream().sorted().toList();
    }

    /** Installs what these services miss, or throws naming the command to run. */
    void ensure(Collection<String> services, LabListener listener) {
        List<String> packages = missing(services);
        if (packages.isEmpty()) {
            return;
        }
        String wanted = String.join(" ", packages);
        if (privilege == Privilege.NONE) {
            throw new OpshException(ExitCode.FAILURE, "the lab needs Debian packages that are not installed: " + wanted
                    + "; install them with: sudo apt-get install -y " + wanted);
        }
        listener.step("packages", "installing " + wanted);
        if (apt(packages, listener, "install", "-y", "--no-install-recommends") != 0) {
            listener.step("packages", "apt-get install failed; refreshing the package lists");
            apt(List.of(), listener, "update");
            if (apt(packages, listener, "install", "-y", "--no-install-recommends") != 0) {
                throw new OpshException(ExitCode.FAILURE, "apt-get could not install " + wanted
                        + "; run it yourself to see why: sudo apt-get install -y " + wanted);
            }
        }
    }

    private int apt(List<String> packages, LabListener listener, String... arguments) {
        List<String> command = new ArrayList<>();
        if (privilege == Privilege.SUDO) {
            command.addAll(List.of("sudo", "-n"));
        }
        command.addAll(List.of("env", "DEBIAN_FRONTEND=noninteractive", "apt-get"));
        command.addAll(List.of(arguments));
        command.addAll(packages);
        return ProcessRunner.stream("apt-get " + arguments[0], APT_DEADLINE, command, line -> listener.step("packages", line));
    }
}
