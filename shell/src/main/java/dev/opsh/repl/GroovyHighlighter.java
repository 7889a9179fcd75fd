package dev.opsh.repl;

import dev.opsh.engine.VerbCatalog;
import java.util.Set;
import org.jline.reader.Highlighter;
import org.jline.reader.LineReader;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/** Colours input as it is typed: commands, verbs, keywords, strings, numbers and comments. */
final class GroovyHighlighter implements Highlighter {
    private static final Set<String> KEYWORDS = Set.of("def", "var", "if", "else", "for", "while", "in", "return", "new",
            "class", "import", "true", "false", "null", "try", "catch", "finally", "throw", "switch", "case", "break",
            "continue", "it", "this", "instanceof", "as");
    private static final AttributedStyle KEYWORD = AttributedStyle.BOLD.foreground(AttributedStyle.BLUE);
    private static final AttributedStyle VERB = AttributedStyle.BOLD.foreground(AttributedStyle.CYAN);
    private static final AttributedStyle STRING = AttributedStyle.DEFAULT.foreground(AttributedStyle.GREEN);
    private static final AttributedStyle NUMBER = AttributedStyle.DEFAULT.foreground(AttributedStyle.MAGENTA);
    private static final AttributedStyle COMMENT = AttributedStyle.DEFAULT.faint();

    private final Set<String> verbs = Set.copyOf(VerbCatalog.names());

    @Override
    public AttributedString highlight(LineReader reader, String buffer) {
        AttributedStringBuilder out = new AttributedStringBuilder();
        if (buffer.startsWith("/")) {
            int space = buffer.indexOf(' ');
            int end = space < 0 ? buffer.length() : space;
            return out.styled(AttributedStyle.BOLD, buffer.substring(0, end)).append(buffer.substring(end)).toAttributedString();
        }
        int i = 0;
        while (i < buffer.length()) {
            char c = buffer.charAt(i);
            int end;
            AttributedStyle style = AttributedStyle.DEFAULT;
            if (buffer.startsWith("//", i)) {
                end = indexOr(buffer, "\n", i);
                style = COMMENT;
            } else if (c == '\'' || c == '"') {
                end = stringEnd(buffer, i, c);
                style = STRING;
            } else if (Character.isDigit(c)) {
                end = i;
                while (end < buffer.length() && (Character.isLetterOrDigit(buffer.charAt(end)) || buffer.charAt(end) == '.'
                        && end + 1 < buffer.length() && Character.isDigit(buffer.charAt(end + 1)))) {
                    end++;
                }
                style = NUMBER;
            } else if (Character.isJavaIdentifierStart(c)) {
                end = i;
                while (end < buffer.length() && Character.isJavaIdentifierPart(buffer.charAt(end))) {
                    end++;
                }
                String word = buffer.substring(i, end);
                boolean member = i > 0 && buffer.charAt(i - 1) == '.';
                style = KEYWORDS.contains(word) ? KEYWORD : !member && verbs.contains(word) ? VERB : AttributedStyle.DEFAULT;
            } else {
                end = i + 1;
            }
            out.styled(style, buffer.substring(i, end));
            i = end;
        }
        return out.toAttributedString();
    }

    private static int indexOr(String s, String what, int from) {
        int at = s.indexOf(what, from);
        return at < 0 ? s.length() : at;
    }

    private static int stringEnd(String s, int start, char quote) {
        int i = start + 1;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\\') {
                i += 2;
                continue;
            }
            if (c == quote) {
                return i + 1;
            }
            i++;
        }
        return s.length();
    }
}
