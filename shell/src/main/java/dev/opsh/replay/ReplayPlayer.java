package dev.opsh.replay;

import dev.opsh.transcript.Frame;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Plays frames back with their original timing: each pause is capped at {@code maxIdle} and then
 * divided by {@code speed}. While it waits, Space pauses and resumes, {@code ]} shows everything up
 * to the next marker at once, {@code q} or Ctrl-C stops. In step mode each input and output waits
 * for Enter instead, and prompts show at once.
 */
public final class ReplayPlayer {
    /** How the frames are paced; {@code maxIdle} null keeps every pause. */
    public record Pace(double speed, Duration maxIdle, boolean step) {
        public static final Pace ORIGINAL = new Pace(1, null, false);
    }

    /** How a playback ended. */
    public enum Ending { FINISHED, STOPPED }

    private static final long SLICE_MS = 100;

    private enum Wait { GO, JUMP, STOP }

    private final PrintWriter out;
    private final ReplayKeys keys;
    private final UnaryOperator<String> promptPainter;
    private final Pace pace;
    private boolean paused;

    public ReplayPlayer(PrintWriter out, ReplayKeys keys, UnaryOperator<String> promptPainter, Pace pace) {
        this.out = out;
        this.keys = keys;
        this.promptPainter = promptPainter;
        this.pace = pace;
    }

    /** Shows {@code frames} in order, waiting between them; returns whether it ran to the end. */
    public Ending play(List<Frame> frames) {
        long previous = 0;
        boolean jumping = false;
        for (Frame frame : frames) {
            if (frame.kind() == Frame.Kind.MARKER) {
                if (jumping) {
                    jumping = false;
                    previous = frame.t();
                }
                continue;
            }
            if (!jumping) {
                Wait wait = !pace.step() ? sleep(delay(frame.t() - previous))
                        : frame.kind() == Frame.Kind.PROMPT ? Wait.GO : awaitEnter();
                if (wait == Wait.STOP) {
                    return Ending.STOPPED;
                }
                jumping = wait == Wait.JUMP;
            }
            show(frame);
            previous = frame.t();
        }
        return Ending.FINISHED;
    }

    /** The real pause for a recorded gap: capped at the idle limit, then divided by the speed. */
    long delay(long gapMillis) {
        long capped = pace.maxIdle() == null ? gapMillis : Math.min(gapMillis, pace.maxIdle().toMillis());
        return Math.round(Math.max(0, capped) / pace.speed());
    }

    private void show(Frame frame) {
        out.print(frame.kind() == Frame.Kind.PROMPT ? promptPainter.apply(frame.text()) : frame.text());
        out.flush();
    }

    private Wait sleep(long millis) {
        long remaining = millis;
        while (remaining > 0 || paused) {
            long start = keys.millis();
            int key = keys.read(paused ? SLICE_MS : Math.min(remaining, SLICE_MS));
            if (!paused) {
                remaining -= keys.millis() - start;
            }
            if (key == ' ') {
                paused = !paused;
            } else if (key == ']') {
                paused = false;
                return Wait.JUMP;
            } else if (isStop(key)) {
                return Wait.STOP;
            }
        }
        return Wait.GO;
    }

    private Wait awaitEnter() {
        while (true) {
            int key = keys.read(SLICE_MS);
            if (key == '\r' || key == '\n') {
                return Wait.GO;
            }
            if (key == ']') {
                return Wait.JUMP;
            }
            if (isStop(key)) {
                return Wait.STOP;
            }
        }
    }

    private static boolean isStop(int key) {
        return key == 'q' || key == 'Q' || key == ReplayKeys.INTERRUPT;
    }
}
