package dev.opsh.adapters;

import java.time.Duration;

/**
 * One service's answer to a health probe.
 *
 * @param status UP, DOWN or TIMEOUT
 * @param version what the service says its version is, or null
 * @param error one line saying what failed, or null when up
 */
public record ServiceHealth(String service, String type, String endpoint, Status status, Duration latency, String version, String error) {
    public enum Status { UP, DOWN, TIMEOUT }

    public boolean up() {
        return status == Status.UP;
    }
}
