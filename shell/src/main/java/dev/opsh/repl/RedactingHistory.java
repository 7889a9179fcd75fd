package dev.opsh.repl;

import dev.opsh.transcript.Redactor;
import java.time.Instant;
import org.jline.reader.impl.history.DefaultHistory;

/** The REPL's history, with secrets masked before a line is kept, exactly as the transcript masks them. */
final class RedactingHistory extends DefaultHistory {
    private final Redactor redactor;

    RedactingHistory(Redactor redactor) {
        this.redactor = redactor;
    }

    @Override
    public void add(Instant time, String line) {
        super.add(time, redactor.redact(line));
    }
}
