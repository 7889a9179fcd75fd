package dev.opsh.adapters;

import dev.opsh.OpshException;
import dev.opsh.inventory.Deadlines;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one health probe on its own thread and turns its outcome into a {@link ServiceHealth}
 * within a hard deadline, whatever the client library's own timeouts do. A probe that is still
 * running at the deadline is abandoned: the resources it handed to {@link Abandon} are closed.
 */
public final class BoundedProbe {
    private BoundedProbe() {}

    /** One attempt at a service; returns the version the service reports. */
    @FunctionalInterface
    public interface Attempt {
        String version(Abandon abandon) throws Exception;
    }

    /** Where a probe leaves what must be closed if it is abandoned, such as its connection. */
    @FunctionalInterface
    public interface Abandon {
        void closeOnTimeout(AutoCloseable resource);
    }

    public static ServiceHealth run(ServiceEndpoint endpoint, Duration deadline, Attempt attempt) {
        List<AutoCloseable> resources = new CopyOnWriteArrayList<>();
        long started = System.nanoTime();
        CompletableFuture<String> future = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                future.complete(attempt.version(resources::add));
            } catch (Throwable t) {
                future.completeExceptionally(t);
            }
        }, "opsh-health-" + endpoint.service().name());
        thread.setDaemon(true);
        thread.start();
        try {
            String version = future.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
            return health(endpoint, ServiceHealth.Status.UP, started, version, null);
        } catch (TimeoutException e) {
            resources.forEach(BoundedProbe::closeQuietly);
            thread.interrupt();
            return health(endpoint, ServiceHealth.Status.TIMEOUT, started, null,
                    endpoint + " did not answer within " + deadline.toMillis() + " ms");
        } catch (InterruptedException e) {
            resources.forEach(BoundedProbe::closeQuietly);
            Thread.currentThread().interrupt();
            return health(endpoint, ServiceHealth.Status.DOWN, started, null, "probe interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            ServiceHealth.Status status = cause instanceof DeadlineExceededException
                    ? ServiceHealth.Status.TIMEOUT : ServiceHealth.Status.DOWN;
            return health(endpoint, status, started, null, oneLine(cause));
        }
    }

    /** A DOWN result for a probe that could not even start, such as one whose credential cannot be read. */
    public static ServiceHealth down(ServiceEndpoint endpoint, String error) {
        return new ServiceHealth(endpoint.service().name(), endpoint.service().type(), endpoint.hostPort(),
                ServiceHealth.Status.DOWN, Duration.ZERO, null, error);
    }

    /** The deadlines a probe's client uses: connect no longer than the health deadline, reads as long as it. */
    public static Deadlines clientDeadlines(Deadlines service) {
        Duration health = service.health();
        Duration connect = service.connect().compareTo(health) <= 0 ? service.connect() : health;
        return new Deadlines(connect, health, health);
    }

    private static ServiceHealth health(ServiceEndpoint endpoint, ServiceHealth.Status status, long started, String version, String error) {
        return new ServiceHealth(endpoint.service().name(), endpoint.service().type(), endpoint.hostPort(), status,
                Duration.ofNanos(System.nanoTime() - started), version, error);
    }

    private static String oneLine(Throwable t) {
        String message = t instanceof OpshException || t.getMessage() == null
                ? String.valueOf(t.getMessage()) : t.getClass().getSimpleName() + ": " + t.getMessage();
        return message.lines().findFirst().orElse(t.getClass().getSimpleName());
    }

    private static void closeQuietly(AutoCloseable resource) {
        try {
            resource.close();
        } catch (Exception ignored) {
            // Abandoning the probe; its resource is being given up either way.
        }
    }
}
