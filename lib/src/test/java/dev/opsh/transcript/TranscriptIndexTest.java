package dev.opsh.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TranscriptIndexTest {
    @TempDir
    Path dir;

    @Test
    void sessionsAreListedNewestFirstAndFiltered() throws Exception {
        Path staging = Sessions.ofInputs(dir, "staging", 2, new TestClock(Instant.parse("2026-11-20T10:00:00Z")));
        Path prod = Sessions.ofInputs(dir, "prod", 3, new TestClock(Instant.parse("2026-11-22T10:00:00Z")));
        Path lab = Sessions.ofInputs(dir, "lab", 1, new TestClock(Instant.parse("2026-11-21T10:00:00Z")));
        Files.writeString(dir.resolve("notes.jsonl"), "{\"not\":\"a transcript\"}\n");
        Files.writeString(dir.resolve("README.txt"), "hello");
        List<String> labLines = Files.readAllLines(lab);
        Files.write(lab, labLines.subList(0, labLines.size() - 1).stream().map(l -> l.replace("pong 0", "pong 9")).toList());

        TranscriptIndex index = new TranscriptIndex(dir);

        List<TranscriptIndex.Session> all = index.list(TranscriptIndex.Filter.ALL);
        assertThat(all).extracting(TranscriptIndex.Session::file).containsExactly(prod, lab, staging);
        TranscriptIndex.Session newest = all.get(0);
        assertThat(newest.environment()).isEqualTo("prod");
        assertThat(newest.inventory()).isEqualTo("inventory/prod.yml");
        assertThat(newest.user()).isEqualTo("alice");
        assertThat(newest.events()).isEqualTo(9);
        assertThat(newest.ended()).isFalse();
        assertThat(newest.verification().intact()).isTrue();
        assertThat(all.get(1).verification().intact()).isFalse();

        assertThat(index.list(new TranscriptIndex.Filter("STAGING", null, null))).extracting(TranscriptIndex.Session::file)
                .containsExactly(staging);
        assertThat(index.list(new TranscriptIndex.Filter(null, Instant.parse("2026-11-21T00:00:00Z"), null)))
                .extracting(TranscriptIndex.Session::file).containsExactly(prod, lab);
        assertThat(index.list(new TranscriptIndex.Filter(null, null, "PING(2)"))).extracting(TranscriptIndex.Session::file)
                .containsExactly(prod);
        assertThat(index.list(new TranscriptIndex.Filter(null, null, "pong 1"))).extracting(TranscriptIndex.Session::file)
                .containsExactly(prod, staging);
        assertThat(new TranscriptIndex(dir.resolve("missing")).list(TranscriptIndex.Filter.ALL)).isEmpty();
    }
}
