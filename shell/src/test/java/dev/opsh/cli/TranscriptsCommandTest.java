package dev.opsh.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsh.replay.RecordedSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TranscriptsCommandTest {
    @TempDir
    Path dir;

    @Test
    void sessionsAreListedWithTheirChainAndFiltered() throws Exception {
        Path staging = RecordedSession.write(dir, "staging");
        Path prod = RecordedSession.write(dir, "prod");
        List<String> lines = Files.readAllLines(prod);
        Files.write(prod, lines.subList(0, lines.size() - 1));

        CommandRun all = CommandRun.of(new TranscriptsCommand(), "--dir", dir.toString());

        assertThat(all.exit()).isEqualTo(0);
        List<String> rows = all.out().lines().toList();
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0)).startsWith("START                 ENV      INVENTORY              USER   EVENTS  CHAIN           FILE");
        assertThat(rows).anySatisfy(row -> assertThat(row).startsWith("2026-11-23 06:35:30Z  staging  inventory/staging.yml  alice       6  intact          ")
                .endsWith(staging.toString()));
        assertThat(rows).anySatisfy(row -> assertThat(row).contains("prod", "     5  intact, no end", prod.toString()));

        CommandRun onlyProd = CommandRun.of(new TranscriptsCommand(), "--dir", dir.toString(), "--env", "prod", "--since", "2026-11-23");
        assertThat(onlyProd.out().lines()).hasSize(2);
        assertThat(onlyProd.out()).contains(prod.toString()).doesNotContain(staging.toString());

        CommandRun none = CommandRun.of(new TranscriptsCommand(), "--dir", dir.toString(), "--grep", "rm -rf");
        assertThat(none.out()).isEqualTo("no transcripts match in " + dir + "\n");

        assertThat(CommandRun.of(new TranscriptsCommand(), "--dir", dir.toString(), "--since", "2026-11-24T00:00:00Z").out())
                .startsWith("no transcripts match");
    }

    @Test
    void aDateThatIsNotOneIsAUsageError() {
        CommandRun run = CommandRun.of(new TranscriptsCommand(), "--dir", dir.toString(), "--since", "yesterday");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("'yesterday' is not a date: write 2026-11-23 or 2026-11-23T06:00:00Z");
    }
}
