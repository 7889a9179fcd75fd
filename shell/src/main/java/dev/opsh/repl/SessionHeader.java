package dev.opsh.repl;

import dev.opsh.inventory.Inventory;
import dev.opsh.render.HumanFormat;
import dev.opsh.render.PromptStyle;
import java.nio.file.Path;
import java.time.Instant;
import java.util.TimeZone;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/** The lines a session opens with, so the screen and any log say which environment takes the hits. */
public final class SessionHeader {
    private SessionHeader() {}

    /** @param transcript the session's transcript file, or null when it is not recorded */
    public static AttributedString of(Inventory inventory, String version, Instant started, String userAtHost, Path transcript) {
        AttributedStringBuilder out = new AttributedStringBuilder();
        out.styled(AttributedStyle.BOLD, "opsh " + version).append("  ")
                .styled(PromptStyle.of(inventory.environment(), inventory.isProtected()), " " + inventory.name() + " ")
                .append(" environment ").styled(AttributedStyle.BOLD, inventory.environment())
                .append(inventory.isProtected() ? ", PROTECTED: mutations need CONFIRM_PROD=1 and a typed phrase" : ", unprotected")
                .append('\n').append(userAtHost).append(", started ").append(HumanFormat.instant(started, TimeZone.getDefault()))
                .append('\n').append(transcript == null ? "not recorded (--no-transcript)" : "transcript " + transcript)
                .append('\n').styled(AttributedStyle.DEFAULT.faint(), "/help lists the verbs; Tab completes; Ctrl-C stops an evaluation; Ctrl-D leaves");
        return out.toAttributedString();
    }

    /** The prompt: the inventory name in its environment's colour. */
    public static AttributedString prompt(Inventory inventory) {
        return new AttributedStringBuilder()
                .styled(PromptStyle.of(inventory.environment(), inventory.isProtected()), " " + inventory.name() + " ")
                .append(" > ").toAttributedString();
    }
}
