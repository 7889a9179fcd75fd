package dev.opsh.adapters.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opsh.OpshException;
import dev.opsh.adapters.Blackhole;
import dev.opsh.adapters.CtrlC;
import dev.opsh.adapters.InventoryEdits;
import dev.opsh.adapters.RecordingEvents;
import dev.opsh.dsl.OpsContext;
import dev.opsh.dsl.Provisioner;
import dev.opsh.engine.EvaluationInterrupted;
import dev.opsh.engine.Evaluator;
import dev.opsh.inventory.Inventory;
import dev.opsh.inventory.Location;
import dev.opsh.inventory.SecretRef;
import dev.opsh.inventory.Secrets;
import dev.opsh.inventory.Service;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import dev.opsh.lab.LabExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** queues() against the lab's RabbitMQ and its seeded runbook queues. */
@ExtendWith(LabExtension.class)
class RabbitMqIntegrationTest {
    @TempDir
    Path tmp;

    private static OpsContext context(Inventory inventory) {
        return new OpsContext(inventory, new Secrets(n -> null), new RecordingEvents(), Provisioner.NONE);
    }

    @SuppressWarnings("unchecked")
    private static List<QueueInfo> evaluate(Inventory inventory, String line) {
        try (OpsContext context = context(inventory)) {
            return (List<QueueInfo>) new Evaluator(context).evaluate(line);
        }
    }

    @Test
    void listsTheSeededQueuesDeepestFirstAndMarksThoseOverTheirThreshold(Inventory lab) {
        List<QueueInfo> queues = evaluate(lab, "queues()");

        assertThat(queues).extracting(QueueInfo::name).startsWith("transcode_jobs")
                .contains("distribution_outbox", "dmca_propagation", "search_index_updates");
        assertThat(queues).isSortedAccordingTo((a, b) -> Long.compare(b.depth(), a.depth()));
        QueueInfo transcode = queues.get(0);
        assertThat(transcode.vhost()).isEqualTo("/");
        assertThat(transcode.ready()).isGreaterThan(5);
        assertThat(transcode.threshold()).isEqualTo(5L);
        assertThat(transcode.overThreshold()).isTrue();
        assertThat(transcode.state()).isEqualTo("running");
        QueueInfo search = queues.stream().filter(q -> q.name().equals("search_index_updates")).findFirst().orElseThrow();
        assertThat(search.threshold()).isEqualTo(100L);
        assertThat(search.overThreshold()).isFalse();
    }

    @Test
    void filtersByARegexOnTheWholeName(Inventory lab) {
        assertThat(evaluate(lab, "queues('transcode.*')")).extracting(QueueInfo::name).containsExactly("transcode_jobs");
        assertThat(evaluate(lab, "queues('jobs')")).isEmpty();
        assertThat(evaluate(lab, "queues().findAll { it.overThreshold }*.name")).asList().contains("transcode_jobs");
    }

    @Test
    void pagesThroughMoreQueuesThanOnePageHolds(Inventory lab) throws Exception {
        Service rabbit = lab.service("rabbitmq");
        String vhost = "opsh-paging";
        RabbitAdmin admin = new RabbitAdmin(rabbit);
        try {
            admin.createVhost(vhost, "page", QueueListing.PAGE_SIZE + 20);
            Service paging = InventoryEdits.settings(rabbit, s -> {
                s.put("vhost", vhost);
                return s;
            });

            List<QueueInfo> queues = evaluate(InventoryEdits.withService(lab, paging), "queues()");

            assertThat(queues).hasSize(QueueListing.PAGE_SIZE + 20);
            assertThat(queues).extracting(QueueInfo::vhost).containsOnly(vhost);
            assertThat(queues).extracting(QueueInfo::name).doesNotHaveDuplicates();
        } finally {
            admin.deleteVhost(vhost);
        }
    }

    @Test
    void ctrlCStopsAHungListingWithinASecond(Inventory lab) throws Exception {
        try (Blackhole blackhole = new Blackhole()) {
            Service hung = InventoryEdits.ports(lab.service("rabbitmq"), Map.of("management", blackhole.port()));
            try (OpsContext context = context(InventoryEdits.withService(lab, hung))) {
                CtrlC.Outcome outcome = CtrlC.press(new Evaluator(context), "queues()", Duration.ofSeconds(1));

                assertThat(outcome.ended()).isTrue();
                assertThat(outcome.afterCancel()).isLessThan(Duration.ofSeconds(1));
                assertThat(outcome.thrown()).isInstanceOf(EvaluationInterrupted.class);
            }
        }
    }

    @Test
    void wrongCredentialsAreAnAuthenticationFailure(Inventory lab) throws Exception {
        Service rabbit = lab.service("rabbitmq");
        Path wrong = Files.writeString(tmp.resolve("password"), "not-the-password");
        Service badPassword = new Service(rabbit.name(), rabbit.type(), rabbit.hosts(), rabbit.port(), rabbit.ports(),
                rabbit.user(), new SecretRef("file:" + wrong, new Location(wrong, 1, 1)), rabbit.unit(), rabbit.commands(),
                rabbit.impact(), rabbit.thresholds(), rabbit.settings(), rabbit.deadlines());

        assertThatThrownBy(() -> evaluate(InventoryEdits.withService(lab, badPassword), "queues()"))
                .isInstanceOf(OpshException.class)
                .hasMessageContaining("authentication failed for user " + rabbit.user() + " at 127.0.0.1:"
                        + rabbit.port("management", 0));
    }

    @Test
    void aStoppedManagementPortIsRefused(Inventory lab) throws Exception {
        int closed = Blackhole.closedPort();
        Service stopped = InventoryEdits.ports(lab.service("rabbitmq"), Map.of("management", closed));

        assertThatThrownBy(() -> evaluate(InventoryEdits.withService(lab, stopped), "queues()"))
                .isInstanceOf(OpshException.class)
                .hasMessageContaining("rabbitmq 'rabbitmq' management API (127.0.0.1:" + closed + ")")
                .hasMessageContaining("GET /api/queues/%2F")
                .hasMessageContaining("connection refused");
    }

    @Test
    void aHungManagementPortFailsWithinItsDeadline(Inventory lab) throws Exception {
        try (Blackhole blackhole = new Blackhole()) {
            Service hung = InventoryEdits.ports(lab.service("rabbitmq"), Map.of("management", blackhole.port()));
            long start = System.nanoTime();

            assertThatThrownBy(() -> evaluate(InventoryEdits.withService(lab, hung), "queues()"))
                    .isInstanceOf(OpshException.class)
                    .hasMessageContaining("(127.0.0.1:" + blackhole.port() + ")")
                    .hasMessageContaining("no answer within 10s");
            Duration deadline = hung.deadlines().connect().plus(hung.deadlines().read());
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(deadline.plusSeconds(2));
        }
    }
}
