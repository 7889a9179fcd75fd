package dev.opsh.chaos;

import static dev.opsh.chaos.ChaosTestLabs.accepts;
import static org.assertj.core.api.Assertions.assertThat;

import dev.opsh.adapters.ServiceHealth;
import dev.opsh.adapters.postgres.SqlRows;
import dev.opsh.guard.DrillSession;
import dev.opsh.guard.GuardRecord;
import dev.opsh.inventory.Inventory;
import dev.opsh.lab.Lab;
import dev.opsh.lab.LabExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Game-day scenarios "Postgres kill" and "HAProxy stop" on the drill inventory, each against its
 * own throw-away lab, with the real backup-freshness pre-flight (the lab takes a full backup when
 * it is created).
 */
class PostgresAndHaproxyDrillTest {
    @TempDir
    Path dir;
    @RegisterExtension
    final VictimLab victims = new VictimLab();

    @Test
    void postgresKillPassesTheRealPreFlightAndRestoreReportsTheTimeToRecover() {
        Lab victim = victims.start(dir, "postgres");
        Inventory drill = LabExtension.inventory(victim, "drill");
        int port = drill.service("postgres").port();
        try (DrillSession session = new DrillSession(drill, DrillSession.confirmed(), "KILL-PROD", "KILL-PROD")) {
            ChaosResult kill = session.eval("kill('postgres')");

            assertThat(kill.downAt()).isNotNull();
            assertThat(kill.observed()).startsWith("down after");
            assertThat(accepts(port)).as("postgres really refuses connections").isFalse();
            GuardRecord record = session.events.guards.get(0);
            assertThat(record.decision()).isEqualTo(GuardRecord.Decision.CONFIRMED);
            assertThat(record.backupFreshnessSkipped()).isFalse();
            assertThat(session.prompt.shown.get(0).backup()).startsWith("newest successful backup ").contains("max 1d");

            List<ChaosResult> restored = session.eval("restore('postgres')");

            ChaosResult back = restored.get(0);
            assertThat(back.state()).isEqualTo(ServiceHealth.Status.UP);
            assertThat(back.timeToRecover()).isPositive();
            assertThat(back.observed()).contains("after it went down");
            assertThat(session.prompt.shown.get(1).backup()).contains("not needed to bring services back");
            SqlRows rows = session.eval("sql('select count(*) as n from uploads')");
            assertThat(((Number) rows.column("n").get(0)).longValue()).as("the data survived the kill").isPositive();
        }
    }

    @Test
    void haproxyStopThenStart() throws Exception {
        Lab victim = victims.start(dir, "haproxy");
        Inventory drill = LabExtension.inventory(victim, "drill");
        Path socket = Path.of(drill.service("haproxy").setting("statsSocket"));
        int port = drill.service("haproxy").port();
        try (DrillSession session = new DrillSession(drill, DrillSession.confirmed(), "KILL-PROD", "KILL-PROD")) {
            ChaosResult stop = session.eval("stop('haproxy')");

            assertThat(stop.action()).isEqualTo("stop");
            assertThat(stop.state()).isNotEqualTo(ServiceHealth.Status.UP);
            assertThat(accepts(port)).as("haproxy's frontend is really closed").isFalse();
            assertThat(accepts(drill.service("postgres").port())).as("postgres behind it is untouched").isTrue();

            ChaosResult start = session.eval("start('haproxy')");

            assertThat(start.state()).isEqualTo(ServiceHealth.Status.UP);
            assertThat(start.timeToRecover()).isPositive();
            assertThat(accepts(port)).isTrue();
            assertThat(Files.exists(socket)).isTrue();
            assertThat(session.<List<GameDayHit>>eval("gameDay()")).singleElement()
                    .satisfies(hit -> assertThat(hit.state()).isEqualTo("recovered"));
        }
    }
}
