package dev.opsh.transcript;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.JsonNode;
import dev.opsh.OpshException;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * One line of a transcript. Each record is one event type; its JSON name is its entry in the
 * {@link JsonSubTypes} list below, so a new event type is one record and one line there. The
 * envelope every line carries ({@code seq}, {@code t}, {@code at}, {@code prev}, {@code hash}) is
 * added by {@link TranscriptWriter}; record components must not use those names.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = TranscriptEvent.Header.class, name = "header"),
    @JsonSubTypes.Type(value = TranscriptEvent.Input.class, name = "input"),
    @JsonSubTypes.Type(value = TranscriptEvent.Output.class, name = "output"),
    @JsonSubTypes.Type(value = TranscriptEvent.Result.class, name = "result"),
    @JsonSubTypes.Type(value = TranscriptEvent.Failure.class, name = "error"),
    @JsonSubTypes.Type(value = TranscriptEvent.Guard.class, name = "guard"),
    @JsonSubTypes.Type(value = TranscriptEvent.Remote.class, name = "remote"),
    @JsonSubTypes.Type(value = TranscriptEvent.Marker.class, name = "marker"),
    @JsonSubTypes.Type(value = TranscriptEvent.End.class, name = "end"),
})
public sealed interface TranscriptEvent {
    /** The name of the transcript format, in every header. */
    String FORMAT = "opsh-transcript";
    /** The version of the format this code writes and reads; see docs/transcript.md. */
    int VERSION = 1;

    /** The first line: who ran which session against what, and on which terminal. */
    record Header(String format, int version, UUID session, String inventory, String environment,
                  @JsonProperty("protected") boolean isProtected, String user, String host,
                  String opshVersion, Instant start, int cols, int rows) implements TranscriptEvent {}

    /** A line (or block) the operator submitted, with the prompt it was typed at (plain text). */
    record Input(String prompt, String text) implements TranscriptEvent {}

    /** Text the session printed, exactly as rendered, ANSI colours included. */
    record Output(String text) implements TranscriptEvent {}

    /** The typed value an input evaluated to: its class's simple name and its JSON. */
    record Result(String valueType, JsonNode value) implements TranscriptEvent {
        /** The result event for {@code value}, converted as {@link ResultJson} describes. */
        public static Result of(Object value) {
            return new Result(value == null ? "null" : value.getClass().getSimpleName(), ResultJson.toTree(value));
        }
    }

    /** An input that failed: the message the operator saw, and the exception's class. */
    record Failure(String message, String exception) implements TranscriptEvent {
        public static Failure of(Throwable failure) {
            String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
            return new Failure(message, failure instanceof OpshException ? "OpshException" : failure.getClass().getName());
        }
    }

    /**
     * A guard decision: the preview shown, the decision, its reason, and whether the backup-freshness
     * pre-flight was skipped. Never the phrase the operator typed.
     */
    record Guard(String preview, String decision, String reason, boolean backupFreshnessSkipped)
            implements TranscriptEvent {}

    /** A command run on a remote host. */
    record Remote(String host, String command, int exit, long durationMs) implements TranscriptEvent {
        public static Remote of(String host, String command, int exit, Duration duration) {
            return new Remote(host, command, exit, duration.toMillis());
        }
    }

    /** A marker the operator set with {@code /mark TEXT}. */
    record Marker(String text) implements TranscriptEvent {}

    /** The session ended normally with this exit code. Nothing follows it. */
    record End(int exit) implements TranscriptEvent {}
}
