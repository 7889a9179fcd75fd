package dev.opsh.transcript;

/**
 * What {@link TranscriptVerifier} found: the outcome, the first bad line (0 when intact), why,
 * how many lines verify before it, and whether the session wrote its end event.
 */
public record Verification(Outcome outcome, int line, String reason, int verifiedLines, boolean ended) {

    /** Intact, or the first problem found. */
    public enum Outcome {
        /** Every line verifies. */
        INTACT,
        /** A line's content changed: its own hash or the next line's {@code prev} no longer matches it. */
        EDITED,
        /** One or more events are missing: the sequence numbers skip. */
        REMOVED,
        /** An event is out of place: the sequence number expected here is further down. */
        REORDERED,
        /** An event is there twice, or after the end event. */
        INSERTED,
        /** The last line was cut off while it was written (a crash); what precedes it verifies. */
        TRUNCATED,
        /** The file is empty, not an opsh transcript, or of a newer format version. */
        NOT_A_TRANSCRIPT
    }

    static Verification intact(int lines, boolean ended) {
        return new Verification(Outcome.INTACT, 0, "", lines, ended);
    }

    static Verification bad(Outcome outcome, int line, String reason) {
        return new Verification(outcome, line, reason, Math.max(0, line - 1), false);
    }

    /** Whether every line verifies. */
    public boolean intact() {
        return outcome == Outcome.INTACT;
    }

    /** Whether the file was changed after it was written (not intact, not merely truncated). */
    public boolean tampered() {
        return outcome != Outcome.INTACT && outcome != Outcome.TRUNCATED && outcome != Outcome.NOT_A_TRANSCRIPT;
    }

    /** One sentence for the operator. */
    public String describe() {
        if (intact()) {
            return "intact: " + verifiedLines + " lines verify"
                    + (ended ? "; the session ended normally" : "; no end event (the session was killed or is still running)");
        }
        return switch (outcome) {
            case TRUNCATED -> "line " + line + " is truncated (cut off mid-write, e.g. by a crash; not tampering): "
                    + reason + (verifiedLines == 0 ? "; no line before it" : "; lines 1-" + verifiedLines + " verify");
            case NOT_A_TRANSCRIPT -> "not an opsh transcript: " + reason;
            default -> "line " + line + " " + reason;
        };
    }
}
