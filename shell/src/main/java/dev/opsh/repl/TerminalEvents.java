package dev.opsh.repl;

import dev.opsh.dsl.SessionEvents;
import dev.opsh.guard.GuardRecord;
import dev.opsh.render.Screen;
import dev.opsh.render.WatchView;
import dev.opsh.watch.WatchFrame;
import java.util.List;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedString;
import org.jline.utils.Display;

/**
 * Shows the library's events on the operator's screen: notices as lines, progress as one status
 * line redrawn in place, and {@code watch} frames redrawn in place on a terminal (one after the
 * other when the output is not a terminal).
 */
public final class TerminalEvents implements SessionEvents {
    private final Screen screen;
    private final Terminal terminal;
    private final WatchView watchView;
    private final Recorder recorder;
    private Display display;
    private int lastFrameTick;

    /** @param terminal the interactive terminal, or null when output is a pipe or a file */
    public TerminalEvents(Screen screen, Terminal terminal, WatchView watchView, Recorder recorder) {
        this.screen = screen;
        this.terminal = terminal;
        this.watchView = watchView;
        this.recorder = recorder;
    }

    @Override
    public void remote(String host, String command, int exit, java.time.Duration duration) {
        recorder.remote(host, command, exit, duration);
    }

    /** Every guard decision goes to the transcript: the preview, the decision and why; never the typed phrase. */
    @Override
    public void guard(GuardRecord record) {
        recorder.guard(record.preview(), record.decision().name(), record.reason(), record.backupFreshnessSkipped());
    }

    @Override
    public synchronized void notice(String message) {
        clearProgress();
        screen.println(message);
    }

    @Override
    public synchronized void progress(String label, int done, int total) {
        if (terminal == null || !screen.color()) {
            return;
        }
        String line = label + ": " + done + "/" + total;
        screen.writer().print("\r" + line + "\u001b[K");
        screen.writer().flush();
        if (done >= total) {
            clearProgress();
        }
    }

    @Override
    public synchronized void frame(WatchFrame frame) {
        AttributedString drawn = watchView.render(frame);
        if (terminal == null) {
            screen.println(drawn);
            return;
        }
        if (display == null || frame.tick() <= lastFrameTick) {
            display = new Display(terminal, false);
            display.resize(terminal.getHeight(), terminal.getWidth());
        }
        lastFrameTick = frame.tick();
        List<AttributedString> lines = drawn.columnSplitLength(Integer.MAX_VALUE);
        if (!screen.color()) {
            lines = lines.stream().map(l -> new AttributedString(l.toString())).toList();
        }
        display.update(lines, -1);
        terminal.flush();
        if (frame.tick() == 1) {
            screen.writer().flush();
        }
    }

    /** Called when a watch ends, so the next output starts below the last frame. */
    public synchronized void endFrames() {
        if (display != null) {
            screen.println("");
            display = null;
            lastFrameTick = 0;
        }
    }

    private void clearProgress() {
        if (terminal != null && screen.color()) {
            screen.writer().print("\r\u001b[K");
            screen.writer().flush();
        }
    }
}
