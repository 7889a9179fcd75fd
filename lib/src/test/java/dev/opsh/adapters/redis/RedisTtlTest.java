package dev.opsh.adapters.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RedisTtlTest {
    @Test
    void readsThePttlConventions() {
        assertThat(RedisTtl.of("a", -2)).isEqualTo(new RedisTtl("a", RedisTtl.State.MISSING, null));
        assertThat(RedisTtl.of("a", -1)).isEqualTo(new RedisTtl("a", RedisTtl.State.NO_EXPIRY, null));
        assertThat(RedisTtl.of("a", 1500)).isEqualTo(new RedisTtl("a", RedisTtl.State.EXPIRES, Duration.ofMillis(1500)));
        assertThat(RedisTtl.of("a", 0).remaining()).isZero();
    }

    @Test
    void saysWhichCaseItIs() {
        assertThat(RedisTtl.of("k", -2)).hasToString("k: no such key");
        assertThat(RedisTtl.of("k", -1)).hasToString("k: no expiry");
        assertThat(RedisTtl.of("k", 90_000)).hasToString("k: expires in PT1M30S");
    }
}
