package dev.opsh.adapters;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsh.ExitCode;
import dev.opsh.OpshException;
import dev.opsh.inventory.Deadlines;
import dev.opsh.inventory.Host;
import dev.opsh.inventory.Service;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BoundedProbeTest {
    private static final Service SERVICE = new Service("cache", "redis", List.of("app1"), 6379, Map.of(), null, null, null,
            null, null, Map.of(), Map.of(), Deadlines.DEFAULTS);
    private static final ServiceEndpoint ENDPOINT = new ServiceEndpoint(SERVICE,
            new Host("app1", "10.0.0.7", "ops", 22, null, false), 6379);

    @Test
    void anAnswerIsUpWithItsVersion() {
        ServiceHealth health = BoundedProbe.run(ENDPOINT, Duration.ofSeconds(2), abandon -> "7.0.15");

        assertThat(health.status()).isEqualTo(ServiceHealth.Status.UP);
        assertThat(health.version()).isEqualTo("7.0.15");
        assertThat(health.endpoint()).isEqualTo("10.0.0.7:6379");
        assertThat(health.error()).isNull();
    }

    @Test
    void aFailureIsDownWithItsOneLineMessage() {
        ServiceHealth health = BoundedProbe.run(ENDPOINT, Duration.ofSeconds(2), abandon -> {
            throw new OpshException(ExitCode.FAILURE, "cannot connect to redis 'cache' at 10.0.0.7:6379\nsecond line");
        });

        assertThat(health.status()).isEqualTo(ServiceHealth.Status.DOWN);
        assertThat(health.error()).isEqualTo("cannot connect to redis 'cache' at 10.0.0.7:6379");
    }

    @Test
    void aClientDeadlineIsTimeout() {
        ServiceHealth health = BoundedProbe.run(ENDPOINT, Duration.ofSeconds(2), abandon -> {
            throw new DeadlineExceededException("redis 'cache' at 10.0.0.7:6379 did not answer within 2000 ms", null);
        });

        assertThat(health.status()).isEqualTo(ServiceHealth.Status.TIMEOUT);
    }

    @Test
    void aHungProbeIsAbandonedAtTheDeadlineAndItsResourcesClosed() throws Exception {
        CountDownLatch closed = new CountDownLatch(1);
        long started = System.nanoTime();
        ServiceHealth health = BoundedProbe.run(ENDPOINT, Duration.ofMillis(200), abandon -> {
            abandon.closeOnTimeout(closed::countDown);
            Thread.sleep(60_000);
            return "never";
        });

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
        assertThat(health.status()).isEqualTo(ServiceHealth.Status.TIMEOUT);
        assertThat(health.error()).isEqualTo("redis 'cache' at 10.0.0.7:6379 did not answer within 200 ms");
        assertThat(closed.await(1, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void probeClientsUseTheHealthDeadline() {
        Deadlines service = new Deadlines(Duration.ofSeconds(3), Duration.ofSeconds(5), Duration.ofSeconds(2));
        assertThat(BoundedProbe.clientDeadlines(service))
                .isEqualTo(new Deadlines(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(2)));
        Deadlines quickConnect = new Deadlines(Duration.ofMillis(500), Duration.ofSeconds(5), Duration.ofSeconds(2));
        assertThat(BoundedProbe.clientDeadlines(quickConnect).connect()).isEqualTo(Duration.ofMillis(500));
    }
}
