package dev.opsh.adapters.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsh.ExitCode;
import dev.opsh.OpshException;
import dev.opsh.adapters.ServiceHealth;
import dev.opsh.dsl.OpsContext;
import dev.opsh.dsl.Provisioner;
import dev.opsh.dsl.SessionEvents;
import dev.opsh.inventory.Deadlines;
import dev.opsh.inventory.Host;
import dev.opsh.inventory.Inventory;
import dev.opsh.inventory.Secrets;
import dev.opsh.inventory.Service;
import dev.opsh.inventory.SshSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The registry's parallel run over probes that stand in for real ones; the real probes run against the lab. */
class HealthChecksTest {
    private static Service service(String name, String type, Duration health) {
        return new Service(name, type, List.of("app1"), 7000, Map.of(), null, null, null, null, null, Map.of(), Map.of(),
                new Deadlines(Duration.ofSeconds(1), Duration.ofSeconds(1), health));
    }

    private static OpsContext context(List<String> prepared, Service... services) {
        Map<String, Service> byName = new LinkedHashMap<>();
        for (Service s : services) {
            byName.put(s.name(), s);
        }
        Inventory inventory = new Inventory("test", Path.of("test.yml"), "lab", false, true,
                Map.of("app1", new Host("app1", "127.0.0.1", "ops", 22, null, true)), Map.of(), byName, Deadlines.DEFAULTS,
                new SshSettings("/nonexistent/known_hosts", 10, Duration.ofSeconds(5)), null, List.of());
        Provisioner provisioner = s -> prepared.add(s.name());
        return new OpsContext(inventory, new Secrets(n -> null), SessionEvents.NONE, provisioner);
    }

    private static ServiceHealth up(Service s) {
        return new ServiceHealth(s.name(), s.type(), "127.0.0.1:7000", ServiceHealth.Status.UP, Duration.ofMillis(3), "1.0", null);
    }

    @Test
    void probesEveryServiceAtOnceSoTheRunTakesTheLongestDeadlineNotTheSum() {
        List<String> prepared = new CopyOnWriteArrayList<>();
        HealthChecks checks = new HealthChecks()
                .register("fast", (s, c) -> up(s))
                .register("hung", (s, c) -> {
                    try {
                        Thread.sleep(60_000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return up(s);
                })
                .register("broken", (s, c) -> {
                    throw new OpshException(ExitCode.FAILURE, "broken 'b' at 127.0.0.1:7000: connection refused");
                });
        OpsContext context = context(prepared, service("a", "fast", Duration.ofSeconds(2)),
                service("h1", "hung", Duration.ofMillis(700)), service("h2", "hung", Duration.ofMillis(800)),
                service("h3", "hung", Duration.ofMillis(900)), service("b", "broken", Duration.ofSeconds(2)));

        long start = System.nanoTime();
        List<ServiceHealth> results = checks.probeAll(context).stream().filter(r -> !r.type().equals("ssh")).toList();
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(results).extracting(ServiceHealth::service).containsExactly("a", "h1", "h2", "h3", "b");
        assertThat(results).extracting(ServiceHealth::status).containsExactly(ServiceHealth.Status.UP,
                ServiceHealth.Status.TIMEOUT, ServiceHealth.Status.TIMEOUT, ServiceHealth.Status.TIMEOUT, ServiceHealth.Status.DOWN);
        assertThat(results.get(1).error()).isEqualTo("no answer within the health deadline of 700ms");
        assertThat(results.get(1).endpoint()).isEqualTo("127.0.0.1:7000");
        assertThat(results.get(4).error()).contains("connection refused");
        // Three hung probes of 0.7 to 0.9 s end together: well under their 2.4 s sum.
        assertThat(took).isLessThan(Duration.ofMillis(2000));
        assertThat(prepared).contains("a", "h1", "h2", "h3", "b");
    }

    @Test
    void aTypeWithoutProbeGetsTheTcpConnectProbe() {
        HealthChecks checks = HealthChecks.standard();

        assertThat(checks.forType("minio")).isInstanceOf(TcpHealthCheck.class);
        assertThat(checks.forType("rabbitmq")).isNotInstanceOf(TcpHealthCheck.class);
        assertThat(checks.forType("postgres")).isNotInstanceOf(TcpHealthCheck.class);
        assertThat(checks.forType("redis")).isNotInstanceOf(TcpHealthCheck.class);
        assertThat(checks.forType("haproxy")).isNotInstanceOf(TcpHealthCheck.class);
    }

    @Test
    void hostsAreProbedOverSshAfterTheServices() {
        HealthChecks checks = new HealthChecks().register("fast", (s, c) -> up(s));

        List<ServiceHealth> results = checks.probeAll(context(new CopyOnWriteArrayList<>(), service("a", "fast", Duration.ofSeconds(2))));

        assertThat(results).extracting(ServiceHealth::service, ServiceHealth::type)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("a", "fast"), org.assertj.core.groups.Tuple.tuple("app1", "ssh"));
        assertThat(results.get(1).status()).isEqualTo(ServiceHealth.Status.DOWN);
        assertThat(results.get(1).endpoint()).isEqualTo("ops@127.0.0.1:22");
    }
}
