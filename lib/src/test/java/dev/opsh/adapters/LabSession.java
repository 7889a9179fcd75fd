package dev.opsh.adapters;

import dev.opsh.dsl.BackupVerbs;
import dev.opsh.dsl.OpsContext;
import dev.opsh.dsl.PostgresVerbs;
import dev.opsh.dsl.RedisVerbs;
import dev.opsh.dsl.SessionEvents;
import dev.opsh.inventory.Inventory;
import dev.opsh.inventory.Secrets;
import dev.opsh.lab.Lab;
import dev.opsh.lab.LabProvisioner;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Callable;

/** A session of the data verbs on a lab inventory, with the lab's real provisioner, keeping its notices. */
public final class LabSession implements PostgresVerbs, BackupVerbs, RedisVerbs, AutoCloseable {
    private final OpsContext context;
    private final List<String> notices = new CopyOnWriteArrayList<>();

    public LabSession(Lab lab, Inventory inventory) {
        SessionEvents events = new SessionEvents() {
            @Override
            public void notice(String message) {
                notices.add(message);
            }
        };
        context = new OpsContext(inventory, Secrets.fromSystem(), events, new LabProvisioner(lab, events));
    }

    @Override
    public OpsContext context() {
        return context;
    }

    public List<String> notices() {
        return notices;
    }

    /**
     * Closes the in-flight calls after {@code delay}, from another thread, as Ctrl-C does; if none
     * is registered yet it tries again every 10 ms, for up to 5 s.
     */
    public void cancelAfter(Duration delay) {
        Thread ctrlC = new Thread(() -> {
            try {
                Thread.sleep(delay.toMillis());
                for (int i = 0; i < 500 && context.inFlight().cancelAll() == 0; i++) {
                    Thread.sleep(10);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "ctrl-c");
        ctrlC.setDaemon(true);
        ctrlC.start();
    }

    /** How long {@code call} took to fail (or succeed); the failure is rethrown by {@link Timed#failure()}. */
    public static Timed time(Callable<?> call) {
        long started = System.nanoTime();
        Throwable failure = null;
        try {
            call.call();
        } catch (Throwable t) {
            failure = t;
        }
        return new Timed(Duration.ofNanos(System.nanoTime() - started), failure);
    }

    /** A call's duration and what it threw, if anything. */
    public record Timed(Duration took, Throwable failure) {}

    @Override
    public void close() {
        context.close();
    }
}
