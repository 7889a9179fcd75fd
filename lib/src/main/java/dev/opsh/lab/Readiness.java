package dev.opsh.lab;

import dev.opsh.ExitCode;
import dev.opsh.OpshException;
import java.time.Duration;

/** Polls a probe until the service answers or the deadline passes. */
final class Readiness {
    /** One attempt: null when the service answered, else why not. */
    @FunctionalInterface
    interface Probe {
        String attempt() throws Exception;
    }

    private Readiness() {}

    static void await(String service, String endpoint, Duration timeout, Probe probe) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no answer";
        while (true) {
            try {
                last = probe.attempt();
                if (last == null) {
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new OpshException(ExitCode.FAILURE, "interrupted while waiting for lab " + service, e);
            } catch (Exception e) {
                last = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            }
            if (System.nanoTime() > deadline) {
                throw new OpshException(ExitCode.FAILURE, "lab " + service + " did not answer on " + endpoint + " within "
                        + timeout.toSeconds() + " s: " + last);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new OpshException(ExitCode.FAILURE, "interrupted while waiting for lab " + service, e);
            }
        }
    }
}
