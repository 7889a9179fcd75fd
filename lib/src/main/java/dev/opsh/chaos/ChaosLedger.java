package dev.opsh.chaos;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What this session's chaos took down, in order: the REPL asks before leaving while anything is
 * still down, {@code restoreAll()} brings it back in reverse order, and {@code gameDay()} sums it up.
 * A node is entered before its kill or stop command is sent, so that an interrupted action is still
 * known as possibly down.
 */
public final class ChaosLedger {
    private final List<Hit> hits = new ArrayList<>();

    /** A node this session took down, or tried to. */
    static final class Hit {
        final String service;
        final String node;
        final String action;
        final Instant hitAt;
        Instant downAt;
        Instant recoveredAt;
        Duration recoveryTook;

        Hit(String service, String node, String action, Instant hitAt) {
            this.service = service;
            this.node = node;
            this.action = action;
            this.hitAt = hitAt;
        }

        boolean open() {
            return recoveredAt == null;
        }
    }

    /** A node still down, or possibly down, as {@link #stillDown()} lists it. */
    public record Down(String service, String node, String action, Instant since, boolean confirmed) {
        @Override
        public String toString() {
            return service + " on " + node + " (" + action + (confirmed ? ", down since " + since : ", possibly down") + ")";
        }
    }

    synchronized Hit begin(String service, String node, String action, Instant at) {
        Hit hit = new Hit(service, node, action, at);
        hits.add(hit);
        return hit;
    }

    synchronized void down(Hit hit, Instant at) {
        hit.downAt = at;
    }

    /** The action did not take the node down after all. */
    synchronized void forget(Hit hit) {
        hits.remove(hit);
    }

    /**
     * Marks every open hit of {@code service} on {@code node} recovered.
     *
     * @return when the earliest of them went down, or null when this session had not taken it down
     */
    synchronized Instant recovered(String service, String node, Instant at, Duration recoveryTook) {
        Instant firstDown = null;
        for (Hit hit : hits) {
            if (hit.open() && hit.service.equals(service) && hit.node.equals(node)) {
                hit.recoveredAt = at;
                hit.recoveryTook = recoveryTook;
                Instant down = hit.downAt == null ? hit.hitAt : hit.downAt;
                firstDown = firstDown == null || down.isBefore(firstDown) ? down : firstDown;
            }
        }
        return firstDown;
    }

    /** The nodes still down or possibly down, most recent first: the order {@code restoreAll()} brings them back. */
    public synchronized List<Down> stillDown() {
        List<Down> down = new ArrayList<>();
        for (int i = hits.size() - 1; i >= 0; i--) {
            Hit hit = hits.get(i);
            boolean listed = down.stream().anyMatch(d -> d.service().equals(hit.service) && d.node().equals(hit.node));
            if (hit.open() && !listed) {
                down.add(new Down(hit.service, hit.node, hit.action, hit.downAt == null ? hit.hitAt : hit.downAt,
                        hit.downAt != null));
            }
        }
        return down;
    }

    /** Every hit of the session, in order, with how long it was down and how it recovered. */
    public synchronized List<GameDayHit> summary(Instant now) {
        List<GameDayHit> summary = new ArrayList<>();
        for (Hit hit : hits) {
            String state = hit.recoveredAt != null ? "recovered" : hit.downAt != null ? "down" : "unconfirmed";
            Duration downFor = hit.downAt == null ? null
                    : Duration.between(hit.downAt, hit.recoveredAt == null ? now : hit.recoveredAt);
            summary.add(new GameDayHit(hit.service, hit.node, hit.action, hit.hitAt, hit.downAt, hit.recoveredAt, downFor,
                    hit.recoveryTook, state));
        }
        return summary;
    }
}
