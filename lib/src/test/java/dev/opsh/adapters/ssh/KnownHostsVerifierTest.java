package dev.opsh.adapters.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.Base64;
import net.schmizz.sshj.common.Buffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KnownHostsVerifierTest {
    @TempDir
    Path dir;

    private static String resource(String name) throws IOException {
        try (InputStream in = KnownHostsVerifierTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        }
    }

    /** The lab sshd's ed25519 host key, as OpenSSH wrote it. */
    private static PublicKey hostKey() throws IOException {
        byte[] blob = Base64.getDecoder().decode(resource("hostkey.pub").split(" ")[1]);
        return new Buffer.PlainBuffer(blob).readPublicKey();
    }

    private static PublicKey rsaKey() throws NoSuchAlgorithmException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair().getPublic();
    }

    private static String line(String host, PublicKey key) {
        return host + " " + HostKeys.type(key) + " " + Base64.getEncoder().encodeToString(HostKeys.blob(key)) + "\n";
    }

    @Test
    void fingerprintsLikeSshKeygen() throws IOException {
        String sshKeygen = resource("hostkey.pub.fingerprint").split(" ")[1];

        assertThat(HostKeys.fingerprint(hostKey())).isEqualTo(sshKeygen).startsWith("SHA256:");
        assertThat(HostKeys.type(hostKey())).isEqualTo("ssh-ed25519");
    }

    @Test
    void acceptsTheKeyItHoldsForTheHostAndPort() throws IOException {
        Path knownHosts = Files.writeString(dir.resolve("known_hosts"), line("[127.0.0.1]:2222", hostKey()));
        KnownHostsVerifier verifier = KnownHostsVerifier.load(knownHosts);

        assertThat(verifier.verify("127.0.0.1", 2222, hostKey())).isTrue();
        assertThat(verifier.refusal()).isNull();
    }

    @Test
    void refusesAnUnknownHostWithItsFingerprintAndTheFile() throws IOException {
        Path knownHosts = Files.writeString(dir.resolve("known_hosts"), line("[127.0.0.1]:2222", hostKey()));
        KnownHostsVerifier verifier = KnownHostsVerifier.load(knownHosts);

        assertThat(verifier.verify("127.0.0.1", 2223, hostKey())).isFalse();
        assertThat(verifier.refusal()).contains("unknown host key refused", HostKeys.fingerprint(hostKey()),
                "is not in " + knownHosts, "ssh-keyscan -p 2223 127.0.0.1 >> " + knownHosts);
    }

    @Test
    void refusesAChangedKeyAndSaysSo() throws Exception {
        Path knownHosts = Files.writeString(dir.resolve("known_hosts"), line("db1.example.net", hostKey()));
        KnownHostsVerifier verifier = KnownHostsVerifier.load(knownHosts);
        PublicKey impostor = otherEd25519();

        assertThat(verifier.verify("db1.example.net", 22, impostor)).isFalse();
        assertThat(verifier.refusal()).contains("CHANGED host key refused", HostKeys.fingerprint(impostor),
                "does not match its entry in " + knownHosts);
    }

    @Test
    void aMissingFileRefusesEverything() throws IOException {
        Path knownHosts = dir.resolve("absent");
        KnownHostsVerifier verifier = KnownHostsVerifier.load(knownHosts);

        assertThat(verifier.verify("127.0.0.1", 22, hostKey())).isFalse();
        assertThat(verifier.refusal()).contains(knownHosts + " does not exist").contains("ssh-keyscan 127.0.0.1 >>");
    }

    @Test
    void aKeyOfAnotherTypeForAKnownHostIsUnknownNotAccepted() throws Exception {
        Path knownHosts = Files.writeString(dir.resolve("known_hosts"), line("[127.0.0.1]:2222", hostKey()));
        KnownHostsVerifier verifier = KnownHostsVerifier.load(knownHosts);

        assertThat(verifier.verify("127.0.0.1", 2222, rsaKey())).isFalse();
        assertThat(verifier.refusal()).contains("ssh-rsa SHA256:");
    }

    /** Another ed25519 host key made by ssh-keygen. */
    private static PublicKey otherEd25519() throws IOException {
        byte[] blob = Base64.getDecoder().decode(resource("other-hostkey.pub").split(" ")[1]);
        return new Buffer.PlainBuffer(blob).readPublicKey();
    }
}
