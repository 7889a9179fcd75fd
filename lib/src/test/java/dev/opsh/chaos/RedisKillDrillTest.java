package dev.opsh.chaos;

import static dev.opsh.chaos.ChaosTestLabs.accepts;
import static org.assertj.core.api.Assertions.assertThat;

import dev.opsh.adapters.ServiceHealth;
import dev.opsh.guard.DrillSession;
import dev.opsh.guard.GuardRecord;
import dev.opsh.inventory.Inventory;
import dev.opsh.lab.Lab;
import dev.opsh.lab.LabExtension;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;

/** Game-day scenario "Redis kill" on the drill inventory, against a throw-away lab's Redis. */
class RedisKillDrillTest {
    @TempDir
    Path dir;
    @RegisterExtension
    final VictimLab victims = new VictimLab();

    @Test
    void killThenRestoreWithTheBackupPreFlightSkippedOnTheRecord() {
        Lab victim = victims.start(dir, "redis");
        Inventory drill = LabExtension.inventory(victim, "drill");
        int port = drill.service("redis").port();
        try (Jedis jedis = new Jedis("127.0.0.1", port)) {
            jedis.set("opsh:before-kill", "1");
        }
        Map<String, String> env = Map.of("CONFIRM_PROD", "1", "SKIP_BACKUP_FRESHNESS", "1");
        try (DrillSession session = new DrillSession(drill, env, "KILL-PROD", "KILL-PROD")) {
            ChaosResult kill = session.eval("kill('redis')");

            assertThat(kill.action()).isEqualTo("kill");
            assertThat(kill.before()).isEqualTo(ServiceHealth.Status.UP);
            assertThat(kill.state()).isNotEqualTo(ServiceHealth.Status.UP);
            assertThat(kill.downAt()).isAfterOrEqualTo(kill.startedAt());
            assertThat(kill.command()).endsWith("labctl kill redis");
            assertThat(kill.exit()).isZero();
            assertThat(accepts(port)).as("redis is really down").isFalse();
            GuardRecord record = session.events.guards.get(0);
            assertThat(record.decision()).isEqualTo(GuardRecord.Decision.CONFIRMED);
            assertThat(record.backupFreshnessSkipped()).isTrue();
            assertThat(session.prompt.shown.get(0).text()).contains("impact:  redis: Cache, sessions and rate limits are gone");
            assertThat(session.context.chaosLedger().stillDown()).singleElement()
                    .satisfies(d -> assertThat(d.service()).isEqualTo("redis"));

            List<ChaosResult> restored = session.eval("restore('redis')");

            assertThat(restored).singleElement().satisfies(r -> {
                assertThat(r.state()).isEqualTo(ServiceHealth.Status.UP);
                assertThat(r.downAt()).isEqualTo(kill.downAt());
                assertThat(r.timeToRecover()).isPositive();
                assertThat(r.recoveredAt()).isAfter(r.downAt());
            });
            try (Jedis jedis = new Jedis("127.0.0.1", port)) {
                assertThat(jedis.ping()).isEqualTo("PONG");
                assertThat(jedis.get("opsh:before-kill")).as("the lab's Redis keeps nothing on disk").isNull();
            }
            assertThat(session.context.chaosLedger().stillDown()).isEmpty();
            List<GameDayHit> day = session.eval("gameDay()");
            assertThat(day).singleElement().satisfies(hit -> {
                assertThat(hit.state()).isEqualTo("recovered");
                assertThat(hit.downFor()).isEqualTo(restored.get(0).timeToRecover());
            });
        }
    }
}
