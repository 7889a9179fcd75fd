package dev.opsh.adapters.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsh.adapters.Blackhole;
import dev.opsh.adapters.InventoryEdits;
import dev.opsh.adapters.RecordingEvents;
import dev.opsh.adapters.ServiceHealth;
import dev.opsh.dsl.OpsContext;
import dev.opsh.dsl.Provisioner;
import dev.opsh.engine.Evaluator;
import dev.opsh.inventory.Inventory;
import dev.opsh.inventory.Secrets;
import dev.opsh.inventory.Service;
import dev.opsh.lab.LabExtension;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** health() over every lab service and host, with one service hung and one stopped. */
@ExtendWith(LabExtension.class)
class HealthIntegrationTest {
    @SuppressWarnings("unchecked")
    private static Map<String, ServiceHealth> health(Inventory inventory) {
        try (OpsContext context = new OpsContext(inventory, new Secrets(n -> null), new RecordingEvents(), Provisioner.NONE)) {
            List<ServiceHealth> results = (List<ServiceHealth>) new Evaluator(context).evaluate("health()");
            return results.stream().collect(Collectors.toMap(ServiceHealth::service, Function.identity()));
        }
    }

    @Test
    void everyLabServiceAndHostIsUpOverItsOwnProtocol(Inventory lab) {
        health(lab); // The first probe of a JVM also loads every client library; measure a warm one.
        Map<String, ServiceHealth> health = health(lab);

        assertThat(health.keySet()).containsExactlyInAnyOrder("postgres", "redis", "rabbitmq", "haproxy", "lab");
        assertThat(health.values()).allSatisfy(h -> assertThat(h.status()).as(h.service() + ": " + h.error())
                .isEqualTo(ServiceHealth.Status.UP));
        assertThat(health.get("rabbitmq").version()).startsWith("3.");
        assertThat(health.get("haproxy").version()).startsWith("2.");
        assertThat(health.get("lab").type()).isEqualTo("ssh");
        assertThat(health.get("lab").version()).startsWith("kernel ");
        assertThat(health.get("rabbitmq").endpoint()).isEqualTo("127.0.0.1:" + lab.service("rabbitmq").port());
    }

    @Test
    void aHungAndAStoppedServiceCostTheirDeadlineNotTheSum(Inventory lab) throws Exception {
        try (Blackhole blackhole = new Blackhole()) {
            Service rabbit = lab.service("rabbitmq");
            Inventory inventory = InventoryEdits.withService(
                    InventoryEdits.withService(lab, InventoryEdits.port(rabbit, blackhole.port())),
                    InventoryEdits.port(lab.service("redis"), Blackhole.closedPort()));
            health(lab);
            long start = System.nanoTime();

            Map<String, ServiceHealth> health = health(inventory);
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(health.get("rabbitmq").status()).isIn(ServiceHealth.Status.TIMEOUT, ServiceHealth.Status.DOWN);
            assertThat(health.get("rabbitmq").error()).contains("127.0.0.1:" + blackhole.port());
            assertThat(health.get("redis").status()).isEqualTo(ServiceHealth.Status.DOWN);
            assertThat(health.get("postgres").status()).isEqualTo(ServiceHealth.Status.UP);
            // Every lab deadline is 2s: the run ends near 2s however many services hang.
            assertThat(took).isLessThan(rabbit.deadlines().health().plusSeconds(2));
        }
    }
}
