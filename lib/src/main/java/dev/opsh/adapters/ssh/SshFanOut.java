package dev.opsh.adapters.ssh;

import dev.opsh.ExitCode;
import dev.opsh.OpshException;
import dev.opsh.adapters.CommandResult;
import dev.opsh.adapters.CommandRunner;
import dev.opsh.dsl.SessionEvents;
import dev.opsh.inventory.Host;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs one command on many hosts, at most {@code forks} at a time, each bounded by the per-host
 * timeout. A host that cannot run the command becomes a failed result (exit -1, the reason in
 * stderr) rather than failing the others. Interrupting the calling thread stops at once.
 */
public final class SshFanOut {
    private static final AtomicInteger POOLS = new AtomicInteger();

    private final CommandRunner runner;
    private final int forks;
    private final Duration timeout;
    private final SessionEvents events;

    public SshFanOut(CommandRunner runner, int forks, Duration timeout, SessionEvents events) {
        this.runner = runner;
        this.forks = forks;
        this.timeout = timeout;
        this.events = events;
    }

    public FanOutResult run(List<Host> hosts, String command) {
        if (hosts.size() == 1) {
            return new FanOutResult(List.of(runOne(hosts.get(0), command)));
        }
        int pool = POOLS.incrementAndGet();
        AtomicInteger threads = new AtomicInteger();
        ExecutorService executor = Executors.newFixedThreadPool(Math.min(forks, hosts.size()), r -> {
            Thread t = new Thread(r, "opsh-ssh-" + pool + "-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        String label = "ssh '" + command + "'";
        CommandResult[] results = new CommandResult[hosts.size()];
        int done = 0;
        try {
            CompletionService<CommandResult> completion = new ExecutorCompletionService<>(executor);
            Map<Future<CommandResult>, Integer> order = new HashMap<>();
            for (int i = 0; i < hosts.size(); i++) {
                Host host = hosts.get(i);
                order.put(completion.submit(() -> runOne(host, command)), i);
            }
            events.progress(label, 0, hosts.size());
            while (done < hosts.size()) {
                Future<CommandResult> next = completion.take();
                results[order.get(next)] = next.get();
                done++;
                events.progress(label, done, hosts.size());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OpshException(ExitCode.FAILURE, label + " cancelled with " + done + " of " + hosts.size()
                    + " hosts finished", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("runOne reports every failure as a result", e.getCause());
        } finally {
            executor.shutdownNow();
        }
        return new FanOutResult(new ArrayList<>(Arrays.asList(results)));
    }

    private CommandResult runOne(Host host, String command) {
        long start = System.nanoTime();
        try {
            return runner.run(host, command, timeout);
        } catch (OpshException e) {
            if (Thread.currentThread().isInterrupted()) {
                throw e;
            }
            return new CommandResult(host.name(), command, -1, "", e.getMessage(), Duration.ofNanos(System.nanoTime() - start));
        }
    }
}
