package dev.opsh.adapters.redis;

import java.time.Duration;

/**
 * A key's time to live, from {@code PTTL}.
 *
 * @param remaining the time left when {@code state} is EXPIRES, else null
 */
public record RedisTtl(String key, State state, Duration remaining) {
    /** Whether and how the key expires. */
    public enum State { EXPIRES, NO_EXPIRY, MISSING }

    /** Reads a {@code PTTL} reply: -2 for a missing key, -1 for a key without expiry, else milliseconds. */
    public static RedisTtl of(String key, long pttl) {
        if (pttl == -2) {
            return new RedisTtl(key, State.MISSING, null);
        }
        if (pttl == -1) {
            return new RedisTtl(key, State.NO_EXPIRY, null);
        }
        return new RedisTtl(key, State.EXPIRES, Duration.ofMillis(pttl));
    }

    @Override
    public String toString() {
        return switch (state) {
            case MISSING -> key + ": no such key";
            case NO_EXPIRY -> key + ": no expiry";
            case EXPIRES -> key + ": expires in " + remaining;
        };
    }
}
