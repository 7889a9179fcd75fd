package dev.opsh.adapters.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opsh.ExitCode;
import dev.opsh.OpshException;
import dev.opsh.adapters.CommandResult;
import dev.opsh.adapters.CommandRunner;
import dev.opsh.dsl.SessionEvents;
import dev.opsh.inventory.Host;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The fan-out's logic over a runner that stands in for SSH; SSH itself is tested against the lab. */
class SshFanOutTest {
    private static List<Host> hosts(int n) {
        return IntStream.rangeClosed(1, n).mapToObj(i -> new Host("web" + i, "10.0.0." + i, "ops", 22, null, false)).toList();
    }

    private static CommandResult result(Host host, String command, int exit) {
        return new CommandResult(host.name(), command, exit, "out " + host.name(), "", Duration.ofMillis(5));
    }

    @Test
    void keepsTargetOrderAndSplitsSucceededFromFailed() {
        CommandRunner runner = (host, command, timeout) -> {
            if (host.name().equals("web2")) {
                throw new OpshException(ExitCode.FAILURE, "ssh web2 (ops@10.0.0.2:22): cannot connect: connection refused");
            }
            return result(host, command, host.name().equals("web3") ? 3 : 0);
        };

        FanOutResult results = new SshFanOut(runner, 2, Duration.ofSeconds(5), SessionEvents.NONE).run(hosts(4), "uptime");

        assertThat(results).extracting(CommandResult::host).containsExactly("web1", "web2", "web3", "web4");
        assertThat(results.getSucceeded()).extracting(CommandResult::host).containsExactly("web1", "web4");
        assertThat(results.getFailed()).extracting(CommandResult::host, CommandResult::exit)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("web2", -1), org.assertj.core.groups.Tuple.tuple("web3", 3));
        assertThat(results.getFailed().get(0).stderr()).contains("connection refused");
    }

    @Test
    void runsAtMostForksHostsAtOnceWithThePerHostTimeout() {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        List<Duration> timeouts = new CopyOnWriteArrayList<>();
        CommandRunner runner = (host, command, timeout) -> {
            most.accumulateAndGet(running.incrementAndGet(), Math::max);
            timeouts.add(timeout);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            running.decrementAndGet();
            return result(host, command, 0);
        };

        new SshFanOut(runner, 3, Duration.ofSeconds(7), SessionEvents.NONE).run(hosts(12), "true");

        assertThat(most.get()).isBetween(2, 3);
        assertThat(timeouts).hasSize(12).containsOnly(Duration.ofSeconds(7));
    }

    @Test
    void reportsProgressForSeveralHostsOnly() {
        List<String> progress = new CopyOnWriteArrayList<>();
        SessionEvents events = new SessionEvents() {
            @Override
            public void progress(String label, int done, int total) {
                progress.add(label + " " + done + "/" + total);
            }
        };
        CommandRunner runner = (host, command, timeout) -> result(host, command, 0);

        new SshFanOut(runner, 10, Duration.ofSeconds(5), events).run(hosts(1), "true");
        assertThat(progress).isEmpty();

        new SshFanOut(runner, 10, Duration.ofSeconds(5), events).run(hosts(3), "true");
        assertThat(progress).containsExactly("ssh 'true' 0/3", "ssh 'true' 1/3", "ssh 'true' 2/3", "ssh 'true' 3/3");
    }

    @Test
    void anInterruptStopsTheFanOutAndInterruptsTheHostsStillRunning() throws Exception {
        CountDownLatch started = new CountDownLatch(2);
        CountDownLatch workersInterrupted = new CountDownLatch(2);
        CommandRunner runner = (host, command, timeout) -> {
            started.countDown();
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                workersInterrupted.countDown();
                Thread.currentThread().interrupt();
            }
            throw new OpshException(ExitCode.FAILURE, host.name() + " cancelled");
        };
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread caller = new Thread(() -> {
            try {
                new SshFanOut(runner, 2, Duration.ofMinutes(1), SessionEvents.NONE).run(hosts(5), "sleep 60");
            } catch (Throwable t) {
                thrown.set(t);
            }
        });
        caller.start();
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();

        caller.interrupt();
        caller.join(5_000);

        assertThat(caller.isAlive()).isFalse();
        assertThat(thrown.get()).isInstanceOf(OpshException.class).hasMessageContaining("cancelled with 0 of 5 hosts finished")
                .hasCauseInstanceOf(InterruptedException.class);
        assertThat(workersInterrupted.await(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aSingleHostRunsOnTheCallingThread() {
        AtomicReference<Thread> ranOn = new AtomicReference<>();
        CommandRunner runner = (host, command, timeout) -> {
            ranOn.set(Thread.currentThread());
            return result(host, command, 0);
        };

        new SshFanOut(runner, 10, Duration.ofSeconds(5), SessionEvents.NONE).run(hosts(1), "true");

        assertThat(ranOn.get()).isSameAs(Thread.currentThread());
    }

    @Test
    void anInterruptedSingleHostPropagatesInsteadOfBecomingARow() {
        CommandRunner runner = (host, command, timeout) -> {
            Thread.currentThread().interrupt();
            throw new OpshException(ExitCode.FAILURE, "ssh web1: 'sleep' cancelled");
        };

        assertThatThrownBy(() -> new SshFanOut(runner, 10, Duration.ofSeconds(5), SessionEvents.NONE).run(hosts(1), "sleep"))
                .isInstanceOf(OpshException.class).hasMessageContaining("cancelled");
        assertThat(Thread.interrupted()).isTrue();
    }
}
