package dev.opsh.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opsh.adapters.ServiceHealth;
import dev.opsh.transcript.TranscriptEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Chaos results reach the transcript in the shape its postmortem report reads (docs/transcript.md). */
class ChaosResultJsonTest {
    private static final Instant DOWN = Instant.parse("2026-11-23T07:00:00Z");

    @Test
    void aChaosResultIsMarkedAndCarriesTheReportsFields() {
        ChaosResult restore = new ChaosResult("postgres", "db1", "restore", "systemctl start postgresql", 0,
                ServiceHealth.Status.DOWN, "healthy after 1.2s", ServiceHealth.Status.UP, DOWN.plusSeconds(30), DOWN,
                DOWN.plusSeconds(32), Duration.ofSeconds(32), Duration.ofMillis(1200));

        JsonNode json = TranscriptEvent.Result.of(List.of(restore)).value().get(0);

        assertThat(json.get("kind").asText()).isEqualTo("chaos");
        assertThat(json.get("target").asText()).isEqualTo("postgres");
        assertThat(json.get("action").asText()).isEqualTo("restore");
        assertThat(json.get("downAt").asText()).isEqualTo("2026-11-23T07:00:00Z");
        assertThat(json.get("timeToRecover").asText()).isEqualTo("PT32S");
    }

    @Test
    void theGameDaySummaryIsNotCountedAsMoreActions() {
        GameDayHit hit = new GameDayHit("redis", "lab", "kill", DOWN, DOWN, null, Duration.ofMinutes(1), null, "down");

        assertThat(TranscriptEvent.Result.of(hit).value().has("kind")).isFalse();
    }
}
