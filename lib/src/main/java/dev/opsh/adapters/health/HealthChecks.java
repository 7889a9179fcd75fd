package dev.opsh.adapters.health;

import dev.opsh.ExitCode;
import dev.opsh.OpshException;
import dev.opsh.adapters.HealthCheck;
import dev.opsh.adapters.ServiceHealth;
import dev.opsh.adapters.ServiceEndpoint;
import dev.opsh.adapters.haproxy.HaproxyHealthCheck;
import dev.opsh.adapters.postgres.PostgresHealthCheck;
import dev.opsh.adapters.rabbitmq.RabbitMqHealthCheck;
import dev.opsh.adapters.redis.RedisHealthCheck;
import dev.opsh.dsl.OpsContext;
import dev.opsh.inventory.Deadlines;
import dev.opsh.inventory.Durations;
import dev.opsh.inventory.Host;
import dev.opsh.inventory.Inventory;
import dev.opsh.inventory.Service;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The health probe of each service type, and the parallel run of all of them. Every service and
 * every host is probed at once; each probe gets its own health deadline and is abandoned as
 * TIMEOUT when it passes, so the whole run takes the longest deadline, never their sum.
 */
public final class HealthChecks {
    /** Time a probe that bounds itself gets past its deadline to report its own TIMEOUT. */
    private static final Duration SLACK = Duration.ofMillis(200);

    private final Map<String, HealthCheck> byType = new LinkedHashMap<>();
    private final HealthCheck fallback = new TcpHealthCheck();
    private final SshHostProbe hosts = new SshHostProbe();

    /** The probes opsh ships: one per service type it speaks, TCP connect for the others. */
    public static HealthChecks standard() {
        return new HealthChecks()
                .register("postgres", new PostgresHealthCheck())
                .register("redis", new RedisHealthCheck())
                .register("rabbitmq", new RabbitMqHealthCheck())
                .register("haproxy", new HaproxyHealthCheck());
    }

    public HealthChecks register(String type, HealthCheck check) {
        byType.put(type, check);
        return this;
    }

    /** The probe for {@code type}: its own, or a TCP connect to the service's port. */
    public HealthCheck forType(String type) {
        return byType.getOrDefault(type, fallback);
    }

    /**
     * Probes every service (inventory order), then every host over SSH (by name), all in parallel.
     * Lab services are started first, before any deadline runs; one that cannot start is DOWN.
     */
    public List<ServiceHealth> probeAll(OpsContext context) {
        Inventory inventory = context.inventory();
        List<Probe> probes = new ArrayList<>();
        for (Service s : inventory.services().values()) {
            String endpoint = endpoint(inventory, s);
            Callable<ServiceHealth> check = () -> forType(s.type()).probe(s, context);
            try {
                context.provisioner().prepare(s);
            } catch (OpshException e) {
                check = () -> new ServiceHealth(s.name(), s.type(), endpoint, ServiceHealth.Status.DOWN, Duration.ZERO, null,
                        e.getMessage());
            }
            probes.add(new Probe(s.name(), s.type(), endpoint, s.deadlines().health(), check));
        }
        Deadlines inventoryDeadlines = inventory.deadlines();
        for (Host h : inventory.hosts().values().stream().sorted(Comparator.comparing(Host::name)).toList()) {
            probes.add(new Probe(h.name(), SshHostProbe.TYPE, SshHostProbe.endpoint(h), inventoryDeadlines.health(),
                    () -> hosts.probe(h, context)));
        }
        return run(probes);
    }

    private static List<ServiceHealth> run(List<Probe> probes) {
        if (probes.isEmpty()) {
            return List.of();
        }
        ExecutorService executor = Executors.newFixedThreadPool(probes.size(), r -> {
            Thread t = new Thread(r, "opsh-health");
            t.setDaemon(true);
            return t;
        });
        long start = System.nanoTime();
        try {
            List<Future<ServiceHealth>> futures = new ArrayList<>();
            for (Probe p : probes) {
                futures.add(executor.submit(p.check()));
            }
            List<ServiceHealth> results = new ArrayList<>();
            for (int i = 0; i < probes.size(); i++) {
                results.add(await(probes.get(i), futures.get(i), start));
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OpshException(ExitCode.FAILURE, "health() cancelled", e);
        } finally {
            executor.shutdownNow();
        }
    }

    private static ServiceHealth await(Probe probe, Future<ServiceHealth> future, long start) throws InterruptedException {
        long left = probe.deadline().plus(SLACK).toNanos() - (System.nanoTime() - start);
        try {
            return future.get(Math.max(0, left), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            return new ServiceHealth(probe.name(), probe.type(), probe.endpoint(), ServiceHealth.Status.TIMEOUT,
                    probe.deadline(), null, "no answer within the health deadline of " + Durations.format(probe.deadline()));
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            return new ServiceHealth(probe.name(), probe.type(), probe.endpoint(), ServiceHealth.Status.DOWN,
                    Duration.ofNanos(System.nanoTime() - start), null,
                    cause instanceof OpshException ? cause.getMessage() : "probe failed: " + cause);
        }
    }

    /** Where a service is probed: its first host and port, or its stats socket when it has no port. */
    private static String endpoint(Inventory inventory, Service s) {
        String address = ServiceEndpoint.of(inventory, s, 0).address();
        if (s.port() == 0 && s.setting("statsSocket") != null) {
            return address + ":" + s.setting("statsSocket");
        }
        return address + ":" + s.port();
    }

    private record Probe(String name, String type, String endpoint, Duration deadline, Callable<ServiceHealth> check) {
    }
}
