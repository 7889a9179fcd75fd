package dev.opsh.watch;

import java.time.Duration;
import java.util.List;

/**
 * The recent values of one number in a watched table (one row's column), oldest first.
 *
 * @param every the time between two values
 */
public record Trend(List<Double> values, Duration every) {
    private static final String BARS = "▁▂▃▄▅▆▇█";

    public double last() {
        return values.get(values.size() - 1);
    }

    /** The change since the previous tick, or null on the first tick. */
    public Double delta() {
        return values.size() < 2 ? null : last() - values.get(values.size() - 2);
    }

    /** A sparkline of the recent values, scaled between their minimum and maximum. */
    public String sparkline() {
        double min = values.stream().mapToDouble(Double::doubleValue).min().orElse(0);
        double max = values.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        StringBuilder out = new StringBuilder();
        for (double v : values) {
            int level = max == min ? 0 : (int) Math.round((v - min) / (max - min) * (BARS.length() - 1));
            out.append(BARS.charAt(level));
        }
        return out.toString();
    }

    /**
     * When the value reaches zero at the rate it fell over the recent ticks, or null when it is not
     * falling. For a queue depth this is the estimated time to drain.
     */
    public Duration timeToZero() {
        if (values.size() < 2 || last() <= 0) {
            return values.isEmpty() || last() > 0 ? null : Duration.ZERO;
        }
        double first = values.get(0);
        double fallPerTick = (first - last()) / (values.size() - 1);
        if (fallPerTick <= 0) {
            return null;
        }
        return Duration.ofMillis((long) (last() / fallPerTick * every.toMillis()));
    }
}
