package dev.opsh.repl;

import dev.opsh.chaos.ChaosLedger;
import java.util.List;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.UserInterruptException;

/**
 * The question before leaving a session whose chaos left services down: it lists them, offers
 * {@code restoreAll()}, and leaves only on {@code yes} (or when input has ended and nobody can answer).
 */
final class LeaveCheck {
    private LeaveCheck() {}

    static boolean mayLeave(Session session, LineReader reader) {
        List<ChaosLedger.Down> down = session.evaluator().context().chaosLedger().stillDown();
        if (down.isEmpty()) {
            return true;
        }
        session.screen().warning("this session took down what is still down: "
                + String.join(", ", down.stream().map(ChaosLedger.Down::toString).toList())
                + ". restoreAll() brings it all back.");
        try {
            String answer = reader.readLine("Leave anyway and keep them down? Type yes to leave: ");
            return answer.strip().equals("yes");
        } catch (UserInterruptException e) {
            return false;
        } catch (EndOfFileException e) {
            return true;
        }
    }
}
