package dev.opsh.transcript;

import java.util.ArrayList;
import java.util.List;

/**
 * The frames that reproduce what the operator saw: the prompt as soon as the previous frame
 * was shown, the input when it was submitted, and each output as it was printed. Typed events
 * (result, error, guard, remote) are not shown: their rendered form is already in the outputs.
 */
public final class Playback {
    private Playback() {}

    /** The frames of a session, in time order. */
    public static List<Frame> frames(TranscriptEvent.Header header, Iterable<Entry> entries) {
        List<Frame> frames = new ArrayList<>();
        long last = 0;
        for (Entry entry : entries) {
            TranscriptEvent event = entry.event();
            if (event instanceof TranscriptEvent.Input input) {
                frames.add(new Frame(last, Frame.Kind.PROMPT, promptOf(header, input)));
                frames.add(new Frame(entry.t(), Frame.Kind.INPUT, input.text() + "\n"));
                last = entry.t();
            } else if (event instanceof TranscriptEvent.Output output) {
                frames.add(new Frame(entry.t(), Frame.Kind.OUTPUT, output.text()));
                last = entry.t();
            } else if (event instanceof TranscriptEvent.Marker marker) {
                frames.add(new Frame(entry.t(), Frame.Kind.MARKER, marker.text()));
                last = entry.t();
            }
        }
        return frames;
    }

    /** The prompt an input was typed at, or {@code ENV> } if the transcript did not record it. */
    public static String promptOf(TranscriptEvent.Header header, TranscriptEvent.Input input) {
        return input.prompt() != null ? input.prompt() : header.environment() + "> ";
    }
}
