package dev.opsh.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;

/**
 * The lab's OpenSSH server: generated host and client keys, a known_hosts file naming
 * {@code [127.0.0.1]:PORT}, and logins for the current user with the client key only.
 */
final class SshdLauncher implements ServiceLauncher {
    private final LabConfig config;

    SshdLauncher(LabConfig config) {
        this.config = config;
    }

    @Override
    public String name() {
        return "sshd";
    }

    @Override
    public int port() {
        return config.port("ssh");
    }

    @Override
    public void prepare(LabListener listener) throws IOException {
        Path dir = config.sshDir();
        Files.createDirectories(dir);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        Path hostKey = dir.resolve("host_ed25519_key");
        if (!Files.exists(hostKey)) {
            listener.step(name(), "generating host and client keys");
            keygen(hostKey, "opsh-lab-host");
        }
        if (!Files.exists(config.clientKey())) {
            keygen(config.clientKey(), "opsh-lab-client");
        }
        Files.writeString(dir.resolve("authorized_keys"), Files.readString(pub(config.clientKey())));
        String[] host = Files.readString(pub(hostKey)).trim().split("\\s+");
        Files.writeString(config.knownHosts(), "[127.0.0.1]:" + port() + " " + host[0] + " " + host[1] + "\n");
        Files.writeString(dir.resolve("sshd_config"), """
                # Written by opsh at every 'lab up'.
                Port %d
                ListenAddress 127.0.0.1
                HostKey %s
                PidFile none
                AuthorizedKeysFile %s
                StrictModes no
                UsePAM no
                PubkeyAuthentication yes
                PasswordAuthentication no
                KbdInteractiveAuthentication no
                PermitRootLogin prohibit-password
                AllowUsers %s
                MaxStartups 100:30:200
                MaxSessions 100
                X11Forwarding no
                PrintMotd no
                Subsystem sftp /usr/lib/openssh/sftp-server
                """.formatted(port(), hostKey, dir.resolve("authorized_keys"), System.getProperty("user.name")));
    }

    private static Path pub(Path key) {
        return key.resolveSibling(key.getFileName() + ".pub");
    }

    private static void keygen(Path key, String comment) {
        ProcessRunner.run("ssh-keygen for the lab", Duration.ofSeconds(30),
                List.of("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", comment, "-f", key.toString()));
    }

    @Override
    public void awaitReady() {
        Readiness.await(name(), "127.0.0.1:" + port(), readyTimeout(), () -> {
            String banner = TcpProbe.exchange(port(), "", 8);
            return banner.equals("SSH-2.0-") ? null : "no SSH banner, got '" + banner.strip() + "'";
        });
    }
}
