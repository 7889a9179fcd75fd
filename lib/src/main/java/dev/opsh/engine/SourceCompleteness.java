package dev.opsh.engine;

/**
 * Tells whether a piece of Groovy source is unfinished: an open bracket, brace or parenthesis, a
 * triple-quoted string or block comment still open, or a trailing backslash. The REPL then asks
 * for another line instead of evaluating. Anything else is complete, even if it does not compile:
 * the compiler's error is more useful than a continuation prompt.
 */
public final class SourceCompleteness {
    private SourceCompleteness() {}

    public static boolean isIncomplete(String source) {
        int depth = 0;
        int i = 0;
        int n = source.length();
        while (i < n) {
            char c = source.charAt(i);
            if (source.startsWith("//", i)) {
                i = skipTo(source, i, "\n");
                continue;
            }
            if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                if (end < 0) {
                    return true;
                }
                i = end + 2;
                continue;
            }
            if (source.startsWith("'''", i) || source.startsWith("\"\"\"", i)) {
                String quote = source.substring(i, i + 3);
                int end = closing(source, i + 3, quote);
                if (end < 0) {
                    return true;
                }
                i = end + 3;
                continue;
            }
            if (c == '\'' || c == '"') {
                int end = closing(source, i + 1, String.valueOf(c));
                int newline = source.indexOf('\n', i + 1);
                if (end < 0 || newline >= 0 && newline < end) {
                    // A one-line string left open: let the compiler report it.
                    i = newline < 0 ? n : newline + 1;
                    continue;
                }
                i = end + 1;
                continue;
            }
            if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
            }
            i++;
        }
        return depth > 0 || source.stripTrailing().endsWith("\\");
    }

    private static int skipTo(String source, int from, String what) {
        int at = source.indexOf(what, from);
        return at < 0 ? source.length() : at + what.length();
    }

    private static int closing(String source, int from, String quote) {
        int i = from;
        while (i < source.length()) {
            if (source.charAt(i) == '\\') {
                i += 2;
                continue;
            }
            if (source.startsWith(quote, i)) {
                return i;
            }
            i++;
        }
        return -1;
    }
}
