package dev.opsh.transcript;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.time.Instant;

/**
 * What a chaos action did, in the shape the postmortem report reads from {@code result} events.
 * A record with these components that implements this interface serializes with
 * {@code "kind": "chaos"}, which is how {@link PostmortemReport} finds it anywhere inside a
 * result (alone, in a list, or inside a summary). See docs/transcript.md, "Chaos actions".
 */
public interface ChaosOutcome {
    /** The marker field value that identifies a chaos outcome in JSON. */
    String KIND = "chaos";

    /** The service or host acted on. */
    String target();

    /** What was done, such as {@code kill} or {@code partition}. */
    String action();

    /** What the probes saw, in a few words. */
    String observed();

    /** When the target was seen down; null if it never went down. */
    Instant downAt();

    /** When the target was seen healthy again; null if it did not recover. */
    Instant recoveredAt();

    /** From down to recovered; null if either is missing. */
    Duration timeToRecover();

    @JsonProperty("kind")
    default String kind() {
        return KIND;
    }
}
