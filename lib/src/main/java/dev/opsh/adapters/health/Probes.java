package dev.opsh.adapters.health;

import dev.opsh.adapters.ServiceHealth;
import java.time.Duration;

/** Builds {@link ServiceHealth} results the same way for every probe. */
public final class Probes {
    private Probes() {
    }

    public static ServiceHealth up(String name, String type, String endpoint, long startNanos, String version) {
        return new ServiceHealth(name, type, endpoint, ServiceHealth.Status.UP, since(startNanos), version, null);
    }

    public static ServiceHealth down(String name, String type, String endpoint, long startNanos, String error) {
        return new ServiceHealth(name, type, endpoint, ServiceHealth.Status.DOWN, since(startNanos), null, oneLine(error));
    }

    static ServiceHealth timeout(String name, String type, String endpoint, Duration deadline, String error) {
        return new ServiceHealth(name, type, endpoint, ServiceHealth.Status.TIMEOUT, deadline, null, error);
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    private static String oneLine(String s) {
        return s == null ? "failed without a message" : s.replaceAll("\\s*\\R\\s*", "; ");
    }
}
