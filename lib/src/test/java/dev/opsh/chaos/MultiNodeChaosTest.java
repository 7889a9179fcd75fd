package dev.opsh.chaos;

import static dev.opsh.chaos.ChaosTestLabs.accepts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opsh.OpshException;
import dev.opsh.guard.DrillSession;
import dev.opsh.guard.GuardRecord;
import dev.opsh.inventory.Inventory;
import dev.opsh.lab.Lab;
import dev.opsh.lab.LabExtension;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "MinIO node loss" needs a service on several hosts; the lab has no MinIO, so a two-node service
 * named {@code cache} stands in, both nodes being the throw-away lab's Redis reached as two hosts.
 */
class MultiNodeChaosTest {
    @TempDir
    static Path dir;
    private static Lab victim;
    private static Inventory lab;
    private static Inventory drill;
    private static int port;

    @BeforeAll
    static void victim() {
        victim = LabExtension.victim(dir, "redis");
        lab = ChaosTestLabs.withTwoNodeService(LabExtension.inventory(victim, "lab"), "redis");
        drill = ChaosTestLabs.withTwoNodeService(LabExtension.inventory(victim, "drill"), "redis");
        port = lab.service("cache").port();
    }

    @AfterAll
    static void takeDown() {
        victim.down();
    }

    @Test
    void onAProtectedInventoryANodeMustBeNamed() {
        Map<String, String> env = Map.of("CONFIRM_PROD", "1", "SKIP_BACKUP_FRESHNESS", "1");
        try (DrillSession session = new DrillSession(drill, env, "lab2", "KILL-PROD")) {
            String refusal = session.refused("kill('cache')");

            assertThat(refusal).contains("cache runs on 2 nodes (lab, lab2)").contains("kill('cache', 'lab')");
            assertThat(session.prompt.asked).as("nothing was asked").isEmpty();
            assertThat(session.events.remote).as("nothing was run").isEmpty();
            assertThat(accepts(port)).isTrue();
            assertThatThrownBy(() -> session.eval("kill('cache', 'lab9')")).isInstanceOf(OpshException.class)
                    .hasMessageContaining("unknown node of service 'cache' 'lab9'").hasMessageContaining("lab");
        }
    }

    @Test
    void elsewhereWithoutATerminalTheRefusalListsTheNodes() {
        try (DrillSession session = new DrillSession(lab, Map.of())) {
            String refusal = session.refused("stop('cache')");

            assertThat(refusal).contains("cache runs on 2 nodes (lab, lab2) and no node was chosen").contains("stop('cache', 'lab')");
            assertThat(accepts(port)).isTrue();
        }
        try (DrillSession session = new DrillSession(lab, Map.of(), "lab7")) {
            assertThat(session.refused("kill('cache')")).contains("'lab7' is not one of them");
            assertThat(accepts(port)).isTrue();
        }
    }

    @Test
    void elsewhereTheOperatorIsAskedWhichNodeAndOnlyThatNodeIsHit() {
        try (DrillSession session = new DrillSession(lab, Map.of(), "lab2")) {
            ChaosResult kill = session.eval("kill('cache')");

            assertThat(session.prompt.asked).singleElement().asString().contains("Which node?");
            assertThat(kill.node()).isEqualTo("lab2");
            assertThat(kill.downAt()).isNotNull();
            assertThat(accepts(port)).isFalse();
            assertThat(session.events.lastGuard().decision()).isEqualTo(GuardRecord.Decision.ALLOWED);
            assertThat(session.events.notices).anySatisfy(n -> assertThat(n).startsWith("lab: kill service 'cache' on host lab2"));

            List<ChaosResult> back = session.eval("restore('cache')");

            assertThat(back).singleElement().satisfies(r -> assertThat(r.node()).isEqualTo("lab2"));
            assertThat(accepts(port)).isTrue();
        }
    }
}
