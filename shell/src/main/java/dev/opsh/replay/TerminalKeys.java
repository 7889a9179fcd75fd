package dev.opsh.replay;

import java.io.IOException;
import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;
import org.jline.utils.NonBlockingReader;

/**
 * Keys from a JLine terminal put in raw mode (no echo, no line buffering) for the replay; Ctrl-C
 * arrives as {@link #INTERRUPT}. {@link #close} restores the terminal's modes; closing the
 * terminal stays with whoever opened it.
 */
public final class TerminalKeys implements ReplayKeys, AutoCloseable {
    private final Terminal terminal;
    private final NonBlockingReader reader;
    private final Attributes saved;
    private volatile boolean interrupted;
    private boolean exhausted;

    public TerminalKeys(Terminal terminal) {
        this.terminal = terminal;
        this.reader = terminal.reader();
        this.saved = terminal.enterRawMode();
        terminal.handle(Terminal.Signal.INT, signal -> interrupted = true);
    }

    @Override
    public int read(long timeoutMillis) {
        if (interrupted) {
            return INTERRUPT;
        }
        if (exhausted) {
            return NONE.read(timeoutMillis);
        }
        try {
            int key = reader.read(Math.max(1, timeoutMillis));
            if (key == NonBlockingReader.EOF) {
                exhausted = true;
                return TIMEOUT;
            }
            return interrupted ? INTERRUPT : key == NonBlockingReader.READ_EXPIRED ? TIMEOUT : key;
        } catch (IOException e) {
            exhausted = true;
            return TIMEOUT;
        }
    }

    @Override
    public long millis() {
        return System.nanoTime() / 1_000_000;
    }

    @Override
    public void close() {
        terminal.setAttributes(saved);
    }
}
