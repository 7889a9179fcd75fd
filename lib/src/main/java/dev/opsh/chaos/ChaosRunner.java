package dev.opsh.chaos;

import dev.opsh.ExitCode;
import dev.opsh.OpshException;
import dev.opsh.adapters.CommandResult;
import dev.opsh.adapters.CommandRunner;
import dev.opsh.adapters.ServiceHealth;
import dev.opsh.adapters.health.HealthChecks;
import dev.opsh.dsl.OpsContext;
import dev.opsh.inventory.Durations;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Runs one chaos command on one node over SSH with the probes around it: after a kill or stop,
 * polls the service's health check until it is seen down (within {@link #DOWN_WITHIN}); after a
 * start, until it is healthy (within {@link #RECOVER_WITHIN}), and times the recovery. Every node
 * taken down is entered in the session's {@link ChaosLedger} before its command is sent.
 * Ctrl-C ends the action with a message saying what is down and offering {@code restoreAll()}.
 */
final class ChaosRunner {
    static final Duration DOWN_WITHIN = Duration.ofSeconds(30);
    static final Duration RECOVER_WITHIN = Duration.ofMinutes(3);
    /** After a start command that failed, how long a probe may still find the service healthy. */
    static final Duration FAILED_START_GRACE = Duration.ofSeconds(5);
    /** Chaos commands may wait for a service to stop or start, longer than a plain ssh() command. */
    static final Duration MIN_COMMAND_TIMEOUT = Duration.ofMinutes(2);
    private static final long POLL_MILLIS = 200;

    private final OpsContext context;
    private final CommandRunner ssh;
    private final HealthChecks checks;

    ChaosRunner(OpsContext context, CommandRunner ssh, HealthChecks checks) {
        this.context = context;
        this.ssh = ssh;
        this.checks = checks;
    }

    /** One health probe of the service on this node alone. */
    ServiceHealth probe(ChaosTarget target) {
        return checks.forType(target.service().type()).probe(target.onNode(), context);
    }

    /** Kills or stops the node and waits until a probe sees it down. */
    ChaosResult takeDown(ChaosAction action, ChaosTarget target, ServiceHealth before) {
        String command = target.command(action);
        ChaosLedger ledger = context.chaosLedger();
        Instant startedAt = Instant.now();
        ChaosLedger.Hit hit = ledger.begin(target.service().name(), target.node().name(), action.verb(), startedAt);
        CommandResult result = run(action, target, command, hit);
        Observation seen = await(action, target, false, DOWN_WITHIN);
        Duration took = Duration.between(startedAt, seen.at());
        if (!seen.reached()) {
            ledger.forget(hit);
            if (result.exit() != 0) {
                throw new OpshException(ExitCode.FAILURE, action.verb() + " " + target + " failed: '" + command + "' exited "
                        + result.exit() + said(result) + "; " + target.service().name() + " is still " + seen.health().status());
            }
            return new ChaosResult(target.service().name(), target.node().name(), action.verb(), command, result.exit(),
                    before.status(), "never seen down within " + Durations.format(DOWN_WITHIN)
                    + " (a supervisor may have restarted it)", seen.health().status(), startedAt, null, null, null, took);
        }
        ledger.down(hit, seen.at());
        String observed = "down after " + Durations.format(took)
                + (result.exit() == 0 ? "" : " (the command exited " + result.exit() + ")");
        return new ChaosResult(target.service().name(), target.node().name(), action.verb(), command, result.exit(),
                before.status(), observed, seen.health().status(), startedAt, seen.at(), null, null, took);
    }

    /** Starts the node and waits until a probe sees it healthy; the time to recover counts from when it went down. */
    ChaosResult bringUp(ChaosAction action, ChaosTarget target, ServiceHealth before) {
        String command = target.command(action);
        Instant startedAt = Instant.now();
        CommandResult result = run(action, target, command, null);
        Observation seen = await(action, target, true, result.exit() == 0 ? RECOVER_WITHIN : FAILED_START_GRACE);
        Duration took = Duration.between(startedAt, seen.at());
        if (!seen.reached()) {
            Duration waited = result.exit() == 0 ? RECOVER_WITHIN : FAILED_START_GRACE;
            throw new OpshException(ExitCode.FAILURE, target + " is not healthy " + Durations.format(waited)
                    + " after '" + command + "' (exit " + result.exit() + said(result) + "); last probe: "
                    + seen.health().error() + ". " + stillDownMessage());
        }
        Instant downAt = context.chaosLedger().recovered(target.service().name(), target.node().name(), seen.at(), took);
        Duration timeToRecover = downAt == null ? null : Duration.between(downAt, seen.at());
        String observed = "healthy after " + Durations.format(took)
                + (timeToRecover == null ? "" : ", " + Durations.format(timeToRecover) + " after it went down");
        return new ChaosResult(target.service().name(), target.node().name(), action.verb(), command, result.exit(),
                before.status(), observed, seen.health().status(), startedAt, downAt, seen.at(), timeToRecover, took);
    }

    /** What is still down, and the offer to bring it back, for messages. */
    String stillDownMessage() {
        List<ChaosLedger.Down> down = context.chaosLedger().stillDown();
        if (down.isEmpty()) {
            return "Nothing this session took down is down now.";
        }
        return "Down now: " + String.join(", ", down.stream().map(ChaosLedger.Down::toString).toList())
                + ". restoreAll() brings it all back.";
    }

    private CommandResult run(ChaosAction action, ChaosTarget target, String command, ChaosLedger.Hit hit) {
        Duration timeout = context.inventory().ssh().timeout();
        if (timeout.compareTo(MIN_COMMAND_TIMEOUT) < 0) {
            timeout = MIN_COMMAND_TIMEOUT;
        }
        try {
            return ssh.run(target.node(), command, timeout);
        } catch (OpshException e) {
            if (Thread.currentThread().isInterrupted()) {
                throw interrupted(action, target);
            }
            if (hit != null && probe(target).up()) {
                context.chaosLedger().forget(hit);
            }
            throw new OpshException(ExitCode.FAILURE, action.verb() + " " + target + ": " + e.getMessage() + ". "
                    + stillDownMessage(), e);
        }
    }

    private Observation await(ChaosAction action, ChaosTarget target, boolean wantUp, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            Instant at = Instant.now();
            ServiceHealth health = probe(target);
            if (Thread.currentThread().isInterrupted()) {
                throw interrupted(action, target);
            }
            if (health.up() == wantUp || System.nanoTime() > deadline) {
                return new Observation(health, at, health.up() == wantUp);
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                throw interrupted(action, target);
            }
        }
    }

    /**
     * The end of an action Ctrl-C interrupted. The interrupt is cleared: the action ends here, and
     * the session must still be able to write its transcript on this thread.
     */
    private ChaosInterrupted interrupted(ChaosAction action, ChaosTarget target) {
        Thread.interrupted();
        return new ChaosInterrupted("interrupted during " + action.verb() + " " + target + ". " + stillDownMessage());
    }

    /** A chaos action ended by Ctrl-C; the message says what is down and offers restoreAll(). */
    static final class ChaosInterrupted extends OpshException {
        ChaosInterrupted(String message) {
            super(ExitCode.FAILURE, message);
        }
    }

    private static String said(CommandResult result) {
        String text = result.stderr().isBlank() ? result.stdout() : result.stderr();
        List<String> lines = text.lines().filter(l -> !l.isBlank()).toList();
        return lines.isEmpty() ? "" : ": " + lines.get(lines.size() - 1).strip();
    }

    /** A probe that settled a wait: whether it reached the wanted state, and when it was sent. */
    private record Observation(ServiceHealth health, Instant at, boolean reached) {
    }
}
