package dev.opsh.adapters;

import dev.opsh.inventory.Host;
import java.time.Duration;

/**
 * Runs one shell command on one host and waits for it, at most {@code timeout}. Implemented over
 * SSH for real hosts and by a local process for inventories that run tools on this machine.
 * Failures to reach the host are {@link dev.opsh.OpshException}s; a command that ran and failed
 * is a result with a non-zero exit.
 */
public interface CommandRunner {
    CommandResult run(Host host, String command, Duration timeout);
}
