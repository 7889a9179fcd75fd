package dev.opsh.lab;

import dev.opsh.ExitCode;
import dev.opsh.OpshException;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * One run of {@link Lab#up}: installs missing packages, then brings each wanted service up through
 * labctl (which leaves running ones alone), waits until it answers, does its one-time set-up, and
 * reports it ready. RabbitMQ, the slowest by far, comes up on its own thread beside the rest.
 */
final class LabStartup {
    private final Labctl labctl;
    private final Map<String, ServiceLauncher> launchers;
    private final LabListener listener;
    private final long started = System.nanoTime();

    LabStartup(Labctl labctl, Map<String, ServiceLauncher> launchers, LabListener listener) {
        this.labctl = labctl;
        this.launchers = launchers;
        this.listener = new Serialized(listener);
    }

    void run(List<String> services, PackageInstaller installer) {
        installer.ensure(services, listener);
        CompletableFuture<Void> rabbit = null;
        if (services.contains("rabbitmq")) {
            rabbit = new CompletableFuture<>();
            Thread thread = new Thread(completing(rabbit, launchers.get("rabbitmq")), "opsh-lab-rabbitmq");
            thread.setDaemon(true);
            thread.start();
        }
        RuntimeException failure = null;
        try {
            for (String service : services) {
                if (!service.equals("rabbitmq")) {
                    bringUp(launchers.get(service));
                }
            }
        } catch (RuntimeException e) {
            failure = e;
        }
        if (rabbit != null) {
            try {
                rabbit.join();
            } catch (CompletionException e) {
                RuntimeException cause = e.getCause() instanceof RuntimeException r ? r : e;
                if (failure == null) {
                    failure = cause;
                } else {
                    failure.addSuppressed(cause);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private Runnable completing(CompletableFuture<Void> result, ServiceLauncher launcher) {
        return () -> {
            try {
                bringUp(launcher);
                result.complete(null);
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        };
    }

    private void bringUp(ServiceLauncher launcher) {
        String service = launcher.name();
        try {
            launcher.prepare(listener);
            String account = labctl.start(service);
            launcher.awaitReady();
            launcher.initialize(listener);
            listener.ready(service, Duration.ofNanos(System.nanoTime() - started), detail(service, account));
        } catch (IOException e) {
            throw new OpshException(ExitCode.FAILURE, "setting up lab " + service + " failed: " + e.getMessage(), e);
        }
    }

    /** labctl's last line without the service's name: "started, pid 42, 127.0.0.1:5432" or "already running, pid 42". */
    private static String detail(String service, String account) {
        List<String> lines = account.lines().toList();
        String last = lines.isEmpty() ? "" : lines.get(lines.size() - 1);
        return last.startsWith(service + " ") ? last.substring(service.length() + 1) : last;
    }

    /** Hands the listener one event at a time, whichever thread it comes from. */
    private record Serialized(LabListener delegate) implements LabListener {
        @Override
        public synchronized void step(String service, String message) {
            delegate.step(service, message);
        }

        @Override
        public synchronized void ready(String service, Duration elapsed, String detail) {
            delegate.ready(service, elapsed, detail);
        }
    }
}
