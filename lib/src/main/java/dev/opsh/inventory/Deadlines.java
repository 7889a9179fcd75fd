package dev.opsh.inventory;

import java.time.Duration;

/**
 * How long a network operation may take before it fails.
 *
 * @param connect opening a connection
 * @param read waiting for an answer on an open connection
 * @param health one service's health probe, end to end
 */
public record Deadlines(Duration connect, Duration read, Duration health) {
    public static final Deadlines DEFAULTS = new Deadlines(Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(2));
}
