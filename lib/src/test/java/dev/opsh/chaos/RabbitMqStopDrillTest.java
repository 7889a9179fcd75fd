package dev.opsh.chaos;

import static dev.opsh.chaos.ChaosTestLabs.accepts;
import static org.assertj.core.api.Assertions.assertThat;

import dev.opsh.ExitCode;
import dev.opsh.OpshException;
import dev.opsh.adapters.ServiceHealth;
import dev.opsh.guard.DrillSession;
import dev.opsh.guard.GuardRecord;
import dev.opsh.inventory.Inventory;
import dev.opsh.lab.Lab;
import dev.opsh.lab.LabExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;

/**
 * Game-day scenario "RabbitMQ stop" on the drill inventory, with Redis killed first; then Ctrl-C in
 * the middle of bringing RabbitMQ back, and restoreAll() bringing back everything, most recent first.
 */
class RabbitMqStopDrillTest {
    @TempDir
    Path dir;
    @RegisterExtension
    final VictimLab victims = new VictimLab();

    @Test
    void stopThenCtrlCDuringTheRestoreThenRestoreAll() throws Exception {
        Lab victim = victims.start(dir, "redis", "rabbitmq");
        Inventory drill = LabExtension.inventory(victim, "drill");
        int amqp = drill.service("rabbitmq").port();
        int redis = drill.service("redis").port();
        Map<String, String> env = Map.of("CONFIRM_PROD", "1", "SKIP_BACKUP_FRESHNESS", "1");
        try (DrillSession session = new DrillSession(drill, env, "KILL-PROD", "KILL-PROD", "KILL-PROD", "KILL-PROD")) {
            session.eval("kill('redis')");
            ChaosResult stop = session.eval("stop('rabbitmq')");

            assertThat(stop.state()).isNotEqualTo(ServiceHealth.Status.UP);
            assertThat(accepts(amqp)).as("rabbitmq really refuses AMQP").isFalse();
            assertThat(session.prompt.shown.get(1).text()).contains("DMCA takedown").contains("(HIGH)");

            CompletableFuture<Object> restore = CompletableFuture.supplyAsync(() -> session.eval("restore('rabbitmq')"));
            assertThat(ChaosTestLabs.eventually(Duration.ofSeconds(30), () -> session.events.guards.size() == 3
                    && session.events.lastGuard().decision() == GuardRecord.Decision.CONFIRMED)).isTrue();
            Thread.sleep(300);
            session.evaluator.cancel();
            Throwable interrupted = restore.handle((value, failure) -> failure).get(30, TimeUnit.SECONDS);

            assertThat(interrupted).as("Ctrl-C ended the restore").isNotNull();
            OpshException e = (OpshException) (interrupted.getCause() != null ? interrupted.getCause() : interrupted);
            assertThat(e.exitCode()).isEqualTo(ExitCode.FAILURE);
            assertThat(e.getMessage()).startsWith("interrupted during restore rabbitmq on lab.")
                    .contains("rabbitmq on lab (stop").contains("redis on lab (kill").endsWith("restoreAll() brings it all back.");

            List<ChaosResult> back = session.eval("restoreAll()");

            assertThat(back).extracting(ChaosResult::target).containsExactly("rabbitmq", "redis");
            assertThat(back).allSatisfy(r -> {
                assertThat(r.state()).isEqualTo(ServiceHealth.Status.UP);
                assertThat(r.timeToRecover()).isPositive();
            });
            assertThat(accepts(amqp)).isTrue();
            try (Jedis jedis = new Jedis("127.0.0.1", redis)) {
                assertThat(jedis.ping()).isEqualTo("PONG");
            }
            assertThat(session.context.chaosLedger().stillDown()).isEmpty();
            List<GameDayHit> day = session.eval("gameDay()");
            assertThat(day).extracting(GameDayHit::service).containsExactly("redis", "rabbitmq");
            assertThat(day).allSatisfy(hit -> assertThat(hit.state()).isEqualTo("recovered"));
            assertThat(session.<List<ChaosResult>>eval("restoreAll()")).as("nothing left to bring back").isEmpty();
        }
    }
}
