package dev.opsh.replay;

import dev.opsh.render.PromptStyle;
import dev.opsh.transcript.TranscriptEvent;
import org.jline.utils.AttributedString;

/** A recorded prompt in the colour of its session's environment, as the REPL showed it. */
public final class EnvironmentPrompt {
    private EnvironmentPrompt() {}

    /** {@code prompt} with ANSI colours for {@code session}'s environment; trailing spaces stay plain. */
    public static String paint(TranscriptEvent.Header session, String prompt) {
        String visible = prompt.stripTrailing();
        String rest = prompt.substring(visible.length());
        return new AttributedString(visible, PromptStyle.of(session.environment(), session.isProtected())).toAnsi() + rest;
    }
}
