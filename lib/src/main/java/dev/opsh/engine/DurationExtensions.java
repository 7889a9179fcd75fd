package dev.opsh.engine;

import java.time.Duration;

/**
 * Lets durations be written as operators say them: {@code 10.minutes}, {@code 5.seconds},
 * {@code 24.hours}, {@code 500.millis}. Registered as a Groovy extension module.
 */
public final class DurationExtensions {
    private DurationExtensions() {}

    public static Duration getMillis(Number self) {
        return Duration.ofMillis(self.longValue());
    }

    public static Duration getSeconds(Number self) {
        return Duration.ofSeconds(self.longValue());
    }

    public static Duration getMinutes(Number self) {
        return Duration.ofMinutes(self.longValue());
    }

    public static Duration getHours(Number self) {
        return Duration.ofHours(self.longValue());
    }

    public static Duration getDays(Number self) {
        return Duration.ofDays(self.longValue());
    }
}
