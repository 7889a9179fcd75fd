package dev.opsh.adapters.redis;

import java.time.Duration;

/**
 * One connection listed by {@code CLIENT LIST}.
 *
 * @param name the name the client gave itself, or an empty string
 * @param cmd the last command it ran
 * @param totalMemory the memory its buffers use, in bytes
 */
public record ConnectedClient(long id, String addr, String name, String user, int db, Duration age, Duration idle, String flags,
        String cmd, long totalMemory) {
}
