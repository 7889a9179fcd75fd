package dev.opsh.dsl;

import dev.opsh.chaos.Chaos;
import dev.opsh.chaos.ChaosResult;
import dev.opsh.chaos.GameDayHit;
import java.util.List;

/**
 * The game-day verbs: take a service down with the inventory's kill or stop command, bring it back
 * with its start command, with health probes before and after. On a protected inventory each passes
 * the guard: CONFIRM_PROD=1, a preview with the service's impact notes, the backup-freshness
 * pre-flight (before taking anything down) and the typed phrase KILL-PROD.
 */
public interface ChaosVerbs extends Verbs {
    @Verb(effect = Effect.CHAOS,
            summary = "kills a service (SIGKILL via the inventory's kill command) and waits until a probe sees it down",
            example = "kill('redis')")
    default ChaosResult kill(String service) {
        return Chaos.of(context()).kill(service, null);
    }

    @Verb(effect = Effect.CHAOS,
            summary = "kills one node of a service that runs on several hosts",
            example = "kill('minio', 'minio2')")
    default ChaosResult kill(String service, String node) {
        return Chaos.of(context()).kill(service, node);
    }

    @Verb(effect = Effect.CHAOS,
            summary = "stops a service cleanly with the inventory's stop command and waits until a probe sees it down",
            example = "stop('rabbitmq')")
    default ChaosResult stop(String service) {
        return Chaos.of(context()).stop(service, null);
    }

    @Verb(effect = Effect.CHAOS,
            summary = "stops one node of a service that runs on several hosts",
            example = "stop('minio', 'minio3')")
    default ChaosResult stop(String service, String node) {
        return Chaos.of(context()).stop(service, node);
    }

    @Verb(effect = Effect.CHAOS,
            summary = "starts a service with the inventory's start command and waits until it is healthy; reports the time to recover",
            example = "start('haproxy')")
    default ChaosResult start(String service) {
        return Chaos.of(context()).start(service, null);
    }

    @Verb(effect = Effect.CHAOS,
            summary = "starts one node of a service that runs on several hosts",
            example = "start('minio', 'minio2')")
    default ChaosResult start(String service, String node) {
        return Chaos.of(context()).start(service, node);
    }

    @Verb(effect = Effect.CHAOS,
            summary = "brings back the nodes of a service this session took down (or that are down), healthy, with time to recover",
            example = "restore('postgres').first().timeToRecover")
    default List<ChaosResult> restore(String service) {
        return Chaos.of(context()).restore(service);
    }

    @Verb(effect = Effect.CHAOS,
            summary = "brings back everything this session took down, most recent first",
            example = "restoreAll()")
    default List<ChaosResult> restoreAll() {
        return Chaos.of(context()).restoreAll();
    }

    @Verb(effect = Effect.READ,
            summary = "this session's game day: what was hit, when, how long it was down and how long it took to recover",
            example = "gameDay().findAll { it.state == 'down' }")
    default List<GameDayHit> gameDay() {
        return Chaos.of(context()).gameDay();
    }
}
