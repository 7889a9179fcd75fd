package dev.opsh.chaos;

import java.time.Duration;
import java.time.Instant;

/**
 * One line of {@code gameDay()}: a node of a service this session took down, and how it came back.
 *
 * @param state {@code down} (still down), {@code recovered}, or {@code unconfirmed} (the action was
 *     interrupted before a probe saw the service go down)
 * @param downFor from going down to recovering, or to now while it is still down
 * @param recoveryTook from the start command to the first healthy probe
 */
public record GameDayHit(String service, String node, String action, Instant hitAt, Instant downAt,
        Instant recoveredAt, Duration downFor, Duration recoveryTook, String state) {
}
