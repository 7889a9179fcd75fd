package dev.opsh.transcript;

/**
 * One step of a playback: at {@code t} ms since the session started, show {@code text}. A prompt
 * is plain text for the player to colour; a marker shows nothing and is where {@code ]} jumps to.
 */
public record Frame(long t, Kind kind, String text) {
    /** What the text is. */
    public enum Kind { PROMPT, INPUT, OUTPUT, MARKER }
}
