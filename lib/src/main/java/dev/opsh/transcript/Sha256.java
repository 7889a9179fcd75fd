package dev.opsh.transcript;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 as lower-case hex; every JDK has it. */
final class Sha256 {
    private static final HexFormat HEX = HexFormat.of();

    private Sha256() {}

    static String hex(byte[] bytes, int length) {
        MessageDigest digest = newDigest();
        digest.update(bytes, 0, length);
        return HEX.formatHex(digest.digest());
    }

    /** The hash of the first {@code length} bytes followed by {@code suffix}. */
    static String hex(byte[] bytes, int length, byte[] suffix) {
        MessageDigest digest = newDigest();
        digest.update(bytes, 0, length);
        digest.update(suffix);
        return HEX.formatHex(digest.digest());
    }

    static String hex(byte[] bytes) {
        return hex(bytes, bytes.length);
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
