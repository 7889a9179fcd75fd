package dev.opsh.adapters.ssh;

import dev.opsh.ExitCode;
import dev.opsh.OpshException;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.security.PublicKey;
import net.schmizz.sshj.transport.verification.OpenSSHKnownHosts;

/**
 * Verifies host keys against one known_hosts file and never accepts a key it does not already
 * hold. When it refuses a key it keeps what it saw, so the caller can tell the operator the
 * fingerprint and where to check it instead of sshj's generic transport error.
 */
final class KnownHostsVerifier extends OpenSSHKnownHosts {
    private final Path file;
    private volatile String refusal;

    private KnownHostsVerifier(Path file) throws IOException {
        super(file.toFile());
        this.file = file;
    }

    /** Reads the file afresh, so that an operator's edit counts from the next connection on. */
    static KnownHostsVerifier load(Path file) {
        try {
            return new KnownHostsVerifier(file);
        } catch (IOException e) {
            throw new OpshException(ExitCode.FAILURE, "cannot read known_hosts file " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    protected boolean hostKeyUnverifiableAction(String hostname, PublicKey key) {
        String where = new File(file.toString()).exists() ? "is not in " + file : "cannot be checked: " + file + " does not exist";
        refusal = "unknown host key refused: " + HostKeys.type(key) + " " + HostKeys.fingerprint(key) + " " + where
                + "; check the fingerprint with the host's owner, then add it with ssh-keyscan" + portOption(hostname) + " "
                + bareHost(hostname) + " >> " + file;
        return false;
    }

    @Override
    protected boolean hostKeyChangedAction(String hostname, PublicKey key) {
        refusal = "CHANGED host key refused: the host now presents " + HostKeys.type(key) + " " + HostKeys.fingerprint(key)
                + ", which does not match its entry in " + file
                + "; this may be an attack or a reinstalled host: find out which before replacing the entry";
        return false;
    }

    /** Why the last key was refused, with its fingerprint; null when it was accepted or not yet seen. */
    String refusal() {
        return refusal;
    }

    private static String bareHost(String adjusted) {
        return adjusted.startsWith("[") ? adjusted.substring(1, adjusted.indexOf(']')) : adjusted;
    }

    private static String portOption(String adjusted) {
        return adjusted.startsWith("[") ? " -p " + adjusted.substring(adjusted.indexOf("]:") + 2) : "";
    }
}
