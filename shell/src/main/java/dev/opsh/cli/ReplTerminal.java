package dev.opsh.cli;

import java.io.IOException;
import java.nio.charset.Charset;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.InfoCmp;

/**
 * The REPL's system terminal, opened without the two processes JLine would otherwise start:
 * {@code test -t} while it probes its exec provider, and {@code infocmp} for a terminal type whose
 * capabilities it ships anyway (xterm, xterm-256color, screen, rxvt and the like). The native
 * provider comes first; where it cannot load (a {@code noexec} temporary directory, say), JLine's
 * own order of providers decides, as before. The encoding is the one JLine would pick, without its
 * search for it.
 *
 * <p>Ctrl-C is ignored unless something asks for it: the line reader clears the line with it and an
 * evaluation is cancelled by it, and between the two (a slash command, the moment an evaluation
 * ends) a stray Ctrl-C must not end a session that may have services down. JLine's default would
 * hand the signal back to the JVM, which exits with 130.
 */
final class ReplTerminal {
    private ReplTerminal() {}

    static Terminal open() throws IOException {
        String type = System.getenv("TERM");
        String shipped = type == null ? null : shippedCapabilities(type);
        if (shipped != null) {
            InfoCmp.setLoadedInfoCmp(type, shipped);
        }
        try {
            return builder().provider(TerminalBuilder.PROP_PROVIDER_JNI).dumb(false).build();
        } catch (IOException | RuntimeException | LinkageError e) {
            return builder().build();
        }
    }

    private static TerminalBuilder builder() {
        return TerminalBuilder.builder().name("opsh").system(true).signalHandler(Terminal.SignalHandler.SIG_IGN)
                .encoding(encoding());
    }

    /**
     * The encoding JLine picks when no property names one: the JVM's default charset, which it
     * reaches only after asking for the code pages {@code ms0} and {@code cp0}, and each question
     * opens every jar on the class path looking for a charset provider. Null leaves a named
     * encoding or code page to JLine.
     */
    private static Charset encoding() {
        boolean named = System.getProperty(TerminalBuilder.PROP_ENCODING) != null
                || System.getProperty(TerminalBuilder.PROP_CODEPAGE) != null;
        return named ? null : Charset.defaultCharset();
    }

    private static String shippedCapabilities(String type) {
        try {
            return InfoCmp.getDefaultInfoCmp(type);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
