package dev.opsh.adapters.ssh;

import dev.opsh.ExitCode;
import dev.opsh.OpshException;
import dev.opsh.inventory.Host;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.userauth.UserAuthException;
import net.schmizz.sshj.userauth.keyprovider.KeyProvider;
import net.schmizz.sshj.userauth.method.AuthMethod;

/**
 * How opsh proves who it is and checks who the host is: host keys against one known_hosts file,
 * then the host's key file, or the keys of ssh-agent when the inventory gives none.
 */
final class SshLogin {
    private final Path knownHosts;
    private final Function<String, String> environment;

    SshLogin(Path knownHosts, Function<String, String> environment) {
        this.knownHosts = knownHosts;
        this.environment = environment;
    }

    KnownHostsVerifier verifier() {
        return KnownHostsVerifier.load(knownHosts);
    }

    void authenticate(SSHClient client, Host host, String at, Deadline deadline) throws IOException {
        if (host.keyFile() != null) {
            withKeyFile(client, host, at);
        } else {
            withAgent(client, host, at, deadline);
        }
    }

    private static void withKeyFile(SSHClient client, Host host, String at) throws IOException {
        Path keyFile = Path.of(host.keyFile());
        if (!Files.isReadable(keyFile)) {
            throw new OpshException(ExitCode.FAILURE, at + ": key file " + keyFile + " does not exist or is not readable");
        }
        KeyProvider keys;
        try {
            keys = client.loadKeys(keyFile.toString());
            keys.getPrivate();
        } catch (IOException | RuntimeException e) {
            throw new OpshException(ExitCode.FAILURE, at + ": cannot use key file " + keyFile + " (" + e.getMessage()
                    + "); if it has a passphrase, add it to ssh-agent with ssh-add and remove 'key' from host " + host.name(), e);
        }
        try {
            client.authPublickey(host.user(), keys);
        } catch (UserAuthException e) {
            throw new OpshException(ExitCode.FAILURE, at + ": authentication failed for user " + host.user()
                    + " with key file " + keyFile, e);
        }
    }

    private void withAgent(SSHClient client, Host host, String at, Deadline deadline) throws IOException {
        String socket = environment.apply("SSH_AUTH_SOCK");
        if (socket == null || socket.isBlank()) {
            throw new OpshException(ExitCode.FAILURE, at + ": host " + host.name() + " has no 'key' in the inventory and "
                    + "SSH_AUTH_SOCK is not set: start ssh-agent and ssh-add your key, or give the host a key file");
        }
        SshAgent agent;
        try {
            agent = SshAgent.connect(Path.of(socket));
        } catch (IOException e) {
            throw new OpshException(ExitCode.FAILURE, at + ": cannot reach ssh-agent at SSH_AUTH_SOCK=" + socket + ": "
                    + e.getMessage(), e);
        }
        try (agent) {
            deadline.guard(agent);
            List<SshAgent.Identity> identities = agent.identities();
            if (identities.isEmpty()) {
                throw new OpshException(ExitCode.FAILURE, at + ": ssh-agent at " + socket + " holds no keys; add one with ssh-add");
            }
            List<AuthMethod> methods = identities.stream().<AuthMethod>map(id -> new AgentAuth(agent, id)).toList();
            try {
                client.auth(host.user(), methods);
            } catch (UserAuthException e) {
                throw new OpshException(ExitCode.FAILURE, at + ": authentication failed for user " + host.user() + " with the "
                        + identities.size() + " key(s) of ssh-agent at " + socket, e);
            }
        }
    }
}
