package dev.opsh.repl;

import java.util.List;
import org.jline.reader.CompletingParsedLine;

/**
 * A line as completion sees it: the word at the cursor is the identifier (or name inside a
 * string) being typed, and {@link #before()} is everything to its left, which tells what kind of
 * name is wanted.
 */
final class CodeLine implements CompletingParsedLine {
    private final String line;
    private final int cursor;
    private final int wordStart;
    private final int wordEnd;

    CodeLine(String line, int cursor) {
        this.line = line;
        this.cursor = cursor;
        int start = cursor;
        while (start > 0 && isWordChar(line.charAt(start - 1))) {
            start--;
        }
        if (start == 1 && line.charAt(0) == '/') {
            start = 0;
        }
        int end = cursor;
        while (end < line.length() && isWordChar(line.charAt(end))) {
            end++;
        }
        this.wordStart = start;
        this.wordEnd = end;
    }

    static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$' || c == '-';
    }

    /** The text left of the word being completed. */
    String before() {
        return line.substring(0, wordStart);
    }

    @Override
    public String word() {
        return line.substring(wordStart, wordEnd);
    }

    @Override
    public int wordCursor() {
        return cursor - wordStart;
    }

    @Override
    public int wordIndex() {
        return 0;
    }

    @Override
    public List<String> words() {
        return List.of(word());
    }

    @Override
    public String line() {
        return line;
    }

    @Override
    public int cursor() {
        return cursor;
    }

    @Override
    public CharSequence escape(CharSequence candidate, boolean complete) {
        return candidate;
    }

    @Override
    public int rawWordCursor() {
        return wordCursor();
    }

    @Override
    public int rawWordLength() {
        return wordEnd - wordStart;
    }
}
