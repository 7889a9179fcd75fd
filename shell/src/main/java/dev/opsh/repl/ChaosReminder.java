package dev.opsh.repl;

import dev.opsh.chaos.ChaosLedger;
import java.util.List;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.UserInterruptException;

/**
 * Reminds the operator of what this session's chaos left down: before leaving, where it asks and
 * leaves only on {@code yes} (or when input has ended and nobody can answer), and after a Ctrl-C
 * whose evaluation had to be left behind without saying so itself.
 */
final class ChaosReminder {
    private ChaosReminder() {}

    static boolean mayLeave(Session session, LineReader reader) {
        if (!remind(session)) {
            return true;
        }
        try {
            String answer = reader.readLine("Leave anyway and keep them down? Type yes to leave: ");
            return answer.strip().equals("yes");
        } catch (UserInterruptException e) {
            return false;
        } catch (EndOfFileException e) {
            return true;
        }
    }

    /** Shows what is still down, with the offer to bring it back; false when nothing is. */
    static boolean remind(Session session) {
        List<ChaosLedger.Down> down = session.evaluator().context().chaosLedger().stillDown();
        if (down.isEmpty()) {
            return false;
        }
        session.screen().warning("this session took down what is still down: "
                + String.join(", ", down.stream().map(ChaosLedger.Down::toString).toList())
                + ". restoreAll() brings it all back.");
        return true;
    }
}
