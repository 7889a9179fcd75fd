package dev.opsh.transcript;

import java.util.regex.Pattern;

/** Output is stored with its ANSI colours; reports and searches read it without them. */
public final class AnsiText {
    private static final Pattern ESCAPE = Pattern.compile(
            "\u001B\\[[0-?]*[ -/]*[@-~]|\u001B\\][^\u0007\u001B]*(?:\u0007|\u001B\\\\)|\u001B[@-Z\\\\-_]");

    private AnsiText() {}

    /** {@code text} without ANSI escape sequences. */
    public static String strip(String text) {
        return text == null || text.indexOf('\u001B') < 0 ? text : ESCAPE.matcher(text).replaceAll("");
    }
}
