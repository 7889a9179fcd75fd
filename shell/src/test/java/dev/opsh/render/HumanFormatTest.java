package dev.opsh.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;

class HumanFormatTest {
    private static final Instant WINTER = Instant.parse("2026-11-23T06:13:22Z");
    private static final Instant SUMMER = Instant.parse("2026-07-01T06:13:22Z");

    @Test
    void aZoneThatIsUtcAllYearShowsUtcOnly() {
        assertThat(HumanFormat.instant(WINTER, TimeZone.getTimeZone("Etc/UTC"))).isEqualTo("2026-11-23 06:13:22Z");
        assertThat(HumanFormat.instant(SUMMER, TimeZone.getTimeZone("UTC"))).isEqualTo("2026-07-01 06:13:22Z");
    }

    @Test
    void otherZonesShowTheLocalTimeWithTheOffsetOfThatInstant() {
        TimeZone berlin = TimeZone.getTimeZone("Europe/Berlin");
        assertThat(HumanFormat.instant(WINTER, berlin)).isEqualTo("2026-11-23 06:13:22Z (07:13:22 +01:00)");
        assertThat(HumanFormat.instant(SUMMER, berlin)).isEqualTo("2026-07-01 06:13:22Z (08:13:22 +02:00)");
        assertThat(HumanFormat.instant(WINTER, TimeZone.getTimeZone("America/Chicago")))
                .isEqualTo("2026-11-23 06:13:22Z (00:13:22 -06:00)");
        assertThat(HumanFormat.instant(WINTER, TimeZone.getTimeZone("Asia/Kolkata")))
                .isEqualTo("2026-11-23 06:13:22Z (11:43:22 +05:30)");
    }

    @Test
    void aZoneAtUtcInWinterStillShowsItsLocalTimeBecauseItsSummersDiffer() {
        assertThat(HumanFormat.instant(WINTER, TimeZone.getTimeZone("Europe/London")))
                .isEqualTo("2026-11-23 06:13:22Z (06:13:22 +00:00)");
    }

    @Test
    void theHourThatRepeatsWhenClocksGoBackShowsWhichOfTheTwoItIs() {
        TimeZone berlin = TimeZone.getTimeZone("Europe/Berlin");
        assertThat(HumanFormat.instant(Instant.parse("2026-10-25T00:30:00Z"), berlin)).endsWith("(02:30:00 +02:00)");
        assertThat(HumanFormat.instant(Instant.parse("2026-10-25T01:30:00Z"), berlin)).endsWith("(02:30:00 +01:00)");
    }

    @Test
    void anInstantTooFarAwayForMillisecondsStillPrints() {
        Instant far = Instant.ofEpochSecond(10_000_000_000_000_000L);
        assertThat(HumanFormat.instant(far, TimeZone.getTimeZone("Europe/Berlin")))
                .isEqualTo("+316889355-01-25 17:46:40Z (18:46:40 +01:00)");
    }
}
