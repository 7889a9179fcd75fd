package dev.opsh.chaos;

import dev.opsh.adapters.ServiceHealth;
import dev.opsh.transcript.ChaosOutcome;
import java.time.Duration;
import java.time.Instant;

/**
 * What one chaos action did to one node of one service, with the probes around it. As a
 * {@link ChaosOutcome} it serializes with {@code "kind": "chaos"}, which the postmortem report reads.
 *
 * @param target the service acted on
 * @param node the host it was acted on
 * @param action kill, stop, start or restore
 * @param command the exact command run over SSH on {@code node}
 * @param exit the command's exit code
 * @param before what the steady-state probe saw before the action
 * @param observed what the probes saw after it, in a few words
 * @param state the last probe's status after the action
 * @param startedAt when the command was sent
 * @param downAt when the service was seen down (for a start or restore: when this session saw it go down), or null
 * @param recoveredAt when it was seen healthy again after a start or restore, or null
 * @param timeToRecover from {@code downAt} to {@code recoveredAt}; null unless both are known
 * @param took from sending the command to the start of the probe that settled the outcome
 */
public record ChaosResult(String target, String node, String action, String command, int exit,
        ServiceHealth.Status before, String observed, ServiceHealth.Status state, Instant startedAt, Instant downAt,
        Instant recoveredAt, Duration timeToRecover, Duration took) implements ChaosOutcome {
}
