package dev.opsh.replay;

import java.util.ArrayDeque;
import java.util.Deque;

/** Keys pressed at given times on a simulated clock that reads advance, so tests take no real time. */
final class ScriptedKeys implements ReplayKeys {
    private record Press(long at, int key) {}

    private static final long GIVE_UP_MS = 3_600_000;

    private final Deque<Press> presses = new ArrayDeque<>();
    private long now;

    ScriptedKeys press(long atMillis, int key) {
        presses.add(new Press(atMillis, key));
        return this;
    }

    @Override
    public int read(long timeoutMillis) {
        Press next = presses.peek();
        if (next != null && next.at() <= now + timeoutMillis) {
            presses.remove();
            now = Math.max(now, next.at());
            return next.key();
        }
        now += timeoutMillis;
        if (now > GIVE_UP_MS) {
            throw new AssertionError("the player still waits after " + now + " ms of simulated time");
        }
        return TIMEOUT;
    }

    @Override
    public long millis() {
        return now;
    }

    boolean allPressed() {
        return presses.isEmpty();
    }
}
