package dev.opsh.guard;

import dev.opsh.inventory.Inventory;
import java.util.ArrayList;
import java.util.List;

/**
 * What the operator sees before a mutation: where (inventory and environment), what (verb, each
 * target, the exact command), what it costs (messages lost, impact notes, other facts) and, for
 * chaos on a protected inventory, what the backup-freshness pre-flight found.
 *
 * @param backup the pre-flight's outcome in one line, or null when it did not apply
 */
public record Preview(String inventory, String environment, boolean isProtected, GuardedAction action, String backup) {

    static Preview of(Inventory inventory, GuardedAction action, String backup) {
        return new Preview(inventory.name(), inventory.environment(), inventory.isProtected(), action, backup);
    }

    /** The preview as lines of plain text, the first naming the environment. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add((isProtected ? "PROTECTED " : "") + "inventory " + inventory + " (environment " + environment + "): "
                + action.verb() + ", " + action.effect());
        for (GuardTarget target : action.targets()) {
            lines.add("  target:  " + target);
        }
        lines.add("  command: " + action.command());
        if (action.messagesLost() != null) {
            lines.add("  loses:   " + action.messagesLost() + " message" + (action.messagesLost() == 1 ? "" : "s")
                    + " (ready in the queue now; they cannot be recovered)");
        }
        for (String note : action.notes()) {
            lines.add("  note:    " + note);
        }
        for (String impact : action.impact()) {
            lines.add("  impact:  " + impact);
        }
        if (backup != null) {
            lines.add("  backup:  " + backup);
        }
        return lines;
    }

    /** The preview as one block of text, as the transcript records it. */
    public String text() {
        return String.join("\n", lines());
    }

    /** The one-line preview shown before a mutation on an unprotected inventory. */
    public String oneLine() {
        StringBuilder line = new StringBuilder(environment).append(": ").append(action.verb());
        if (!action.targets().isEmpty()) {
            line.append(" ").append(String.join(", ", action.targets().stream().map(GuardTarget::toString).toList()));
        }
        line.append(": ").append(action.command());
        if (action.messagesLost() != null) {
            line.append(" (loses ").append(action.messagesLost()).append(" messages)");
        }
        return line.toString();
    }
}
