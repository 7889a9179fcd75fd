package dev.opsh.chaos;

import dev.opsh.guard.DrillSession;
import dev.opsh.inventory.Durations;
import dev.opsh.inventory.Inventory;
import dev.opsh.lab.Lab;
import dev.opsh.lab.LabExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The measurements behind docs/benchmarks.md (section "Chaos"): not a test, excluded from the
 * default run. For each game-day scenario the lab has, on one throw-away lab through the lab
 * inventory: how long from the command until a probe sees the service down, and how long restore()
 * takes until a probe sees it healthy. Run with
 * {@code mvn -B -o -q test -pl lib -Dtest=ChaosBenchmark -Dbenchmarks.excluded=none}; the table is
 * written to {@code lib/target/benchmarks/chaos.md}.
 */
@Tag("benchmark")
class ChaosBenchmark {
    private static final int ROUNDS = 3;
    private static final Path REPORT = Path.of("target", "benchmarks", "chaos.md");
    private static final List<String[]> SCENARIOS = List.of(new String[] {"kill", "postgres"}, new String[] {"stop", "haproxy"},
            new String[] {"kill", "redis"}, new String[] {"stop", "rabbitmq"});

    @TempDir
    Path dir;

    @Test
    void measure() throws Exception {
        Lab victim = LabExtension.victim(dir, "postgres", "redis", "rabbitmq", "haproxy");
        try {
            Inventory lab = LabExtension.inventory(victim, "lab");
            StringBuilder table = new StringBuilder("| scenario | round | seen down after | restore: start to healthy |"
                    + " time to recover |\n|---|---|---|---|---|\n");
            try (DrillSession session = new DrillSession(lab, Map.of())) {
                for (String[] scenario : SCENARIOS) {
                    for (int round = 1; round <= ROUNDS; round++) {
                        ChaosResult down = session.eval(scenario[0] + "('" + scenario[1] + "')");
                        List<ChaosResult> back = session.eval("restore('" + scenario[1] + "')");
                        table.append("| ").append(scenario[0]).append(' ').append(scenario[1]).append(" | ").append(round)
                                .append(" | ").append(format(Duration.between(down.startedAt(), down.downAt())))
                                .append(" | ").append(format(back.get(0).took()))
                                .append(" | ").append(format(back.get(0).timeToRecover())).append(" |\n");
                    }
                }
            }
            Files.createDirectories(REPORT.getParent());
            Files.writeString(REPORT, "# Chaos, measured " + java.time.LocalDate.now() + "\n\n" + table);
        } finally {
            victim.down();
        }
    }

    private static String format(Duration d) {
        return d == null ? "-" : Durations.format(d);
    }
}
