package dev.opsh.adapters.ssh;

import dev.opsh.inventory.Durations;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;

/** Turns the low-level cause of an SSH failure into the words an operator needs. */
final class SshErrors {
    private SshErrors() {
    }

    static boolean timedOut(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }

    static String reason(Throwable e, Duration connectDeadline) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException) {
                return "connection refused (is sshd running on that port?)";
            }
            if (t instanceof SocketTimeoutException) {
                return "no answer within " + Durations.format(connectDeadline);
            }
            if (t instanceof UnknownHostException) {
                return "unknown host name " + t.getMessage();
            }
            if (t instanceof NoRouteToHostException) {
                return "no route to host";
            }
        }
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message;
    }
}
