package dev.opsh.transcript;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the header of a new transcript says about its session. The session id, the start time and
 * the format are added by {@link TranscriptWriter}.
 */
public record SessionInfo(String inventory, String environment, boolean isProtected, String user, String host,
                          String opshVersion, int cols, int rows) {

    /** The login name of this process's user. */
    public static String localUser() {
        return System.getProperty("user.name", "unknown");
    }

    /** This machine's host name, without a DNS lookup where the kernel knows it. */
    public static String localHost() {
        try {
            return Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
        } catch (IOException | SecurityException e) {
            try {
                return InetAddress.getLocalHost().getHostName();
            } catch (IOException unknown) {
                return "unknown";
            }
        }
    }
}
