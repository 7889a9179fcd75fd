package dev.opsh.adapters.ssh;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.Base64;
import net.schmizz.sshj.common.Buffer;
import net.schmizz.sshj.common.KeyType;

/** How OpenSSH names and fingerprints a host key: {@code ssh-ed25519}, {@code SHA256:...}. */
final class HostKeys {
    private HostKeys() {
    }

    /** The key's SSH wire encoding, the blob that known_hosts and agents carry. */
    static byte[] blob(PublicKey key) {
        return new Buffer.PlainBuffer().putPublicKey(key).getCompactData();
    }

    /** The OpenSSH SHA-256 fingerprint of a key blob, as {@code ssh-keygen -lf} prints it. */
    static String fingerprint(byte[] blob) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(blob);
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    static String fingerprint(PublicKey key) {
        return fingerprint(blob(key));
    }

    static String type(PublicKey key) {
        return KeyType.fromKey(key).toString();
    }
}
