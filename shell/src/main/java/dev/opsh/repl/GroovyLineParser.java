package dev.opsh.repl;

import dev.opsh.engine.SourceCompleteness;
import org.jline.reader.EOFError;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;

/**
 * Tells JLine when an input is unfinished (an open brace, string or closure), so Enter continues
 * it on the next line, and hands completion the word at the cursor.
 */
final class GroovyLineParser implements Parser {
    @Override
    public ParsedLine parse(String line, int cursor, ParseContext context) {
        if (context == ParseContext.ACCEPT_LINE && !line.strip().startsWith("/") && SourceCompleteness.isIncomplete(line)) {
            throw new EOFError(-1, cursor, "incomplete input");
        }
        return new CodeLine(line, cursor);
    }
}
