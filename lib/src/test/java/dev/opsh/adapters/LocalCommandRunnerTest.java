package dev.opsh.adapters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opsh.OpshException;
import dev.opsh.dsl.InFlight;
import dev.opsh.inventory.Host;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Runs real processes through /bin/sh. */
class LocalCommandRunnerTest {
    private final InFlight inFlight = new InFlight();
    private final LocalCommandRunner runner = new LocalCommandRunner(inFlight);

    @Test
    void capturesExitCodeAndBothStreams() {
        CommandResult result = runner.run(null, "echo out; echo err >&2; exit 3", Duration.ofSeconds(5));

        assertThat(result.host()).isEqualTo("localhost");
        assertThat(result.exit()).isEqualTo(3);
        assertThat(result.stdout()).isEqualTo("out\n");
        assertThat(result.stderr()).isEqualTo("err\n");
        assertThat(result.succeeded()).isFalse();
    }

    @Test
    void namesTheHostItWasGiven() {
        Host host = new Host("backup", "127.0.0.1", "root", 22, null, true);
        assertThat(runner.run(host, "true", Duration.ofSeconds(5)).host()).isEqualTo("backup");
    }

    @Test
    void aMissingCommandExits127() {
        CommandResult result = runner.run(null, "/nonexistent/pgbackrest info", Duration.ofSeconds(5));

        assertThat(result.exit()).isEqualTo(127);
        assertThat(result.stderr()).contains("/nonexistent/pgbackrest").contains("not found");
    }

    @Test
    void standardInputIsEmpty() {
        assertThat(runner.run(null, "cat", Duration.ofSeconds(5)).stdout()).isEmpty();
    }

    @Test
    void keepsAtMostFourMebibytesOfOutput() {
        CommandResult result = runner.run(null, "head -c 5000000 /dev/zero", Duration.ofSeconds(10));

        assertThat(result.exit()).isZero();
        assertThat(result.stdout()).hasSize(LocalCommandRunner.MAX_OUTPUT);
    }

    @Test
    void aCommandPastItsTimeoutIsKilled() {
        long started = System.nanoTime();
        assertThatThrownBy(() -> runner.run(null, "sleep 30", Duration.ofMillis(300)))
                .isInstanceOf(OpshException.class)
                .hasMessage("'sleep 30' on localhost did not finish within 300 ms and was killed");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        assertThat(ProcessHandle.current().descendants().filter(p -> p.info().commandLine().orElse("").contains("sleep 30")))
                .isEmpty();
    }

    @Test
    void cancellingInFlightKillsTheCommand() throws Exception {
        CompletableFuture<Throwable> failure = CompletableFuture.supplyAsync(() -> {
            try {
                runner.run(null, "sleep 30", Duration.ofSeconds(60));
                return null;
            } catch (OpshException e) {
                return e;
            }
        });
        while (inFlight.cancelAll() == 0) {
            Thread.sleep(10);
        }
        assertThat(failure.get(5, TimeUnit.SECONDS)).hasMessage("'sleep 30' on localhost was cancelled and killed");
    }
}
