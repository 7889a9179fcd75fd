package dev.opsh.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WatcherTest {
    record Queue(String name, long ready, double deliverRate) {}

    record QueueWithState(String vhost, String name, long ready, String state) {}

    @Test
    void aRowKeepsItsTrendWhenItsStateChanges() {
        Watcher watcher = new Watcher(Duration.ofSeconds(5));
        watcher.next(List.of(new QueueWithState("/", "transcode_jobs", 10, "running")), Instant.EPOCH);
        WatchFrame frame = watcher.next(List.of(new QueueWithState("/", "transcode_jobs", 4, "idle")), Instant.EPOCH);
        assertThat(frame.trend("transcode_jobs", "ready").delta()).isEqualTo(-6.0);
    }

    @Test
    void followsEachRowsNumbersByKey() {
        Watcher watcher = new Watcher(Duration.ofSeconds(5));
        watcher.next(List.of(new Queue("transcode_jobs", 900, 2.0), new Queue("dmca", 10, 0)), Instant.EPOCH);
        // Rows come back in another order: they are matched by name, not position.
        WatchFrame frame = watcher.next(List.of(new Queue("dmca", 12, 0), new Queue("transcode_jobs", 600, 3.0)), Instant.EPOCH);
        assertThat(frame.tick()).isEqualTo(2);
        assertThat(frame.trend("transcode_jobs", "ready").delta()).isEqualTo(-300.0);
        assertThat(frame.trend("dmca", "ready").delta()).isEqualTo(2.0);
        assertThat(frame.trend("transcode_jobs", "name")).isNull();
    }

    @Test
    void aFallingDepthGivesTheTimeToDrain() {
        Trend falling = new Trend(List.of(900.0, 600.0, 300.0), Duration.ofSeconds(5));
        assertThat(falling.timeToZero()).isEqualTo(Duration.ofSeconds(5));
        assertThat(new Trend(List.of(10.0, 20.0), Duration.ofSeconds(5)).timeToZero()).isNull();
        assertThat(new Trend(List.of(10.0), Duration.ofSeconds(5)).timeToZero()).isNull();
        assertThat(new Trend(List.of(10.0, 0.0), Duration.ofSeconds(5)).timeToZero()).isEqualTo(Duration.ZERO);
    }

    @Test
    void sparklinesScaleBetweenMinimumAndMaximum() {
        assertThat(new Trend(List.of(0.0, 5.0, 10.0), Duration.ofSeconds(1)).sparkline()).isEqualTo("▁▅█");
        assertThat(new Trend(List.of(3.0, 3.0), Duration.ofSeconds(1)).sparkline()).isEqualTo("▁▁");
    }

    @Test
    void historyIsBounded() {
        Watcher watcher = new Watcher(Duration.ofSeconds(1));
        WatchFrame frame = null;
        for (int i = 0; i < 100; i++) {
            frame = watcher.next(Map.of("depth", i), Instant.EPOCH);
        }
        assertThat(frame.trend("", "depth").values()).hasSize(Watcher.HISTORY);
    }
}
