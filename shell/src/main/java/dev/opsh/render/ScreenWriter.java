package dev.opsh.render;

import java.io.Writer;

/**
 * A {@link Writer} whose complete lines go to the {@link Screen}, so that {@code println} in a
 * script is shown and recorded like any other output.
 */
public final class ScreenWriter extends Writer {
    private final Screen screen;
    private final StringBuilder line = new StringBuilder();

    public ScreenWriter(Screen screen) {
        this.screen = screen;
    }

    @Override
    public synchronized void write(char[] chars, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            char c = chars[i];
            if (c == '\n') {
                screen.println(line.toString());
                line.setLength(0);
            } else if (c != '\r') {
                line.append(c);
            }
        }
    }

    @Override
    public synchronized void flush() {
        if (line.length() > 0) {
            screen.println(line.toString());
            line.setLength(0);
        }
    }

    @Override
    public void close() {
        flush();
    }
}
