package dev.opsh.render;

import java.io.PrintWriter;
import java.util.function.Consumer;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;

/**
 * Where everything the operator sees is written. It decides whether colour is used
 * ({@code --no-color}, {@code NO_COLOR}, a terminal without colours) so nothing else has to.
 */
public final class Screen {
    private static final AttributedStyle ERROR = AttributedStyle.DEFAULT.foreground(AttributedStyle.RED);
    private static final AttributedStyle WARNING = AttributedStyle.BOLD.foreground(AttributedStyle.YELLOW);

    private final PrintWriter out;
    private final PrintWriter err;
    private final Terminal terminal;
    private final boolean color;
    private Consumer<String> tap = text -> {};

    /**
     * @param err where errors go: the terminal in the REPL, standard error for {@code -e} and scripts
     * @param terminal used to encode colours for its capabilities, or null to assume ANSI
     */
    public Screen(PrintWriter out, PrintWriter err, Terminal terminal, boolean color) {
        this.out = out;
        this.err = err;
        this.terminal = terminal;
        this.color = color;
    }

    /** Everything this screen prints also goes to {@code tap}, exactly as printed: the transcript listens here. */
    public void tap(Consumer<String> tap) {
        this.tap = tap;
    }

    public boolean color() {
        return color;
    }

    /** The text as this screen writes it: with ANSI colours or plain. */
    public String encode(AttributedString text) {
        if (!color) {
            return text.toString();
        }
        return terminal == null ? text.toAnsi() : text.toAnsi(terminal);
    }

    public void println(AttributedString text) {
        println(encode(text));
    }

    public void println(String text) {
        out.println(text);
        out.flush();
        tap.accept(text);
    }

    /** One red line: an expected failure. */
    public void error(String message) {
        printErr(encode(new AttributedString(message, ERROR)));
    }

    public void warning(String message) {
        printErr(encode(new AttributedString(message, WARNING)));
    }

    private void printErr(String text) {
        out.flush();
        err.println(text);
        err.flush();
        tap.accept(text);
    }

    public PrintWriter writer() {
        return out;
    }
}
