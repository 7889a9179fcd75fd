package dev.opsh.render;

import java.util.Locale;
import org.jline.utils.AttributedStyle;

/**
 * The colour of an environment: lab green, staging yellow, prod (and any protected inventory)
 * bold red in reverse video so it cannot be missed. Used by the prompt, the session header and replay.
 */
public final class PromptStyle {
    private PromptStyle() {}

    public static AttributedStyle of(String environment, boolean isProtected) {
        String env = environment.toLowerCase(Locale.ROOT);
        if (isProtected || env.startsWith("prod")) {
            return AttributedStyle.BOLD.foreground(AttributedStyle.RED).inverse();
        }
        if (env.equals("lab") || env.equals("dev") || env.equals("local")) {
            return AttributedStyle.DEFAULT.foreground(AttributedStyle.GREEN);
        }
        return AttributedStyle.DEFAULT.foreground(AttributedStyle.YELLOW);
    }
}
