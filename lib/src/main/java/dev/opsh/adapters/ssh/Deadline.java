package dev.opsh.adapters.ssh;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Closes what a blocking SSH step is waiting on when its deadline passes: a socket read does not
 * notice time, but it ends at once when its connection is closed.
 */
final class Deadline {
    private final List<AutoCloseable> guarded = new CopyOnWriteArrayList<>();
    private volatile boolean expired;

    Deadline(AutoCloseable first) {
        guarded.add(first);
    }

    /** Also closes {@code c} when the deadline passes; closes it at once if it already has. */
    void guard(AutoCloseable c) {
        guarded.add(c);
        if (expired) {
            SshConnections.closeQuietly(c);
        }
    }

    void expire() {
        expired = true;
        guarded.forEach(SshConnections::closeQuietly);
    }

    boolean expired() {
        return expired;
    }
}
