package dev.opsh.adapters;

import java.time.Duration;

/** What one command did on one host. */
public record CommandResult(String host, String command, int exit, String stdout, String stderr, Duration duration) {
    public boolean succeeded() {
        return exit == 0;
    }
}
