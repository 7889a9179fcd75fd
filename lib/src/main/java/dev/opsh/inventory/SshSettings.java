package dev.opsh.inventory;

import java.time.Duration;

/**
 * How SSH fan-out behaves.
 *
 * @param knownHosts the known_hosts file that host keys are verified against
 * @param forks how many hosts are worked on at once
 * @param timeout how long one host's command may run
 */
public record SshSettings(String knownHosts, int forks, Duration timeout) {
}
