package dev.opsh.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsFormatTest {
    @Test
    void writesDurationsTheWayTheInventoryReadsThem() {
        assertThat(Durations.format(Duration.ofMillis(500))).isEqualTo("500ms");
        assertThat(Durations.format(Duration.ofSeconds(2))).isEqualTo("2s");
        assertThat(Durations.format(Duration.ofMillis(2500))).isEqualTo("2.5s");
        assertThat(Durations.format(Duration.ofSeconds(90))).isEqualTo("1m30s");
        assertThat(Durations.format(Duration.ofHours(24))).isEqualTo("1d");
        assertThat(Durations.parse(Durations.format(Duration.ofSeconds(3725)))).isEqualTo(Duration.ofSeconds(3725));
    }
}
