package dev.opsh.adapters.ssh;

import dev.opsh.dsl.Effect;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The one place that decides what a remote shell command does to the world. A command is
 * {@link Effect#READ} only when it starts with the words of an entry of the inventory's
 * {@code readOnlyCommands} (a word ending in {@code *} matches any word with that prefix, as in
 * {@code rabbitmqctl list_*}), holds no shell metacharacter, and passes none of the few options
 * that make an allowed command change state ({@code journalctl --vacuum-size}, {@code ss -K}).
 * Anything else is {@link Effect#MUTATE}: when opsh cannot tell, it assumes a change.
 */
public final class CommandEffects {
    /**
     * Characters that let one command line run more than the command it starts with: separators,
     * pipes, redirections, substitutions, subshells, background jobs, line breaks. Quoting does
     * not help: {@code grep 'a;b' f} is a MUTATE too, as opsh does not parse the shell's quoting.
     */
    static final String METACHARACTERS = ";&|<>`$(){}\n\r\u0000";
    private static final Pattern WORDS = Pattern.compile("[ \t]+");
    /** Options that turn an allowed command into one that changes the host. */
    private static final List<String> MUTATING_OPTIONS = List.of("journalctl --vacuum", "journalctl --rotate",
            "journalctl --flush", "journalctl --sync", "journalctl --relinquish-var", "journalctl --smart-relinquish-var",
            "journalctl --setup-keys", "journalctl --update-catalog", "ss -K", "ss --kill");

    private CommandEffects() {
    }

    /** How a command is classified, and why, in words for the guard's preview. */
    public record Classification(Effect effect, String reason) {
    }

    public static Classification classify(String command, List<String> readOnlyCommands) {
        for (char c : command.toCharArray()) {
            if (METACHARACTERS.indexOf(c) >= 0) {
                return new Classification(Effect.MUTATE, "it holds the shell metacharacter " + describe(c)
                        + ", which can run more than a read-only command");
            }
        }
        String[] words = words(command);
        for (String option : MUTATING_OPTIONS) {
            String[] parts = option.split(" ");
            if (words.length > 0 && words[0].equals(parts[0])
                    && Arrays.stream(words).skip(1).anyMatch(w -> w.startsWith(parts[1]))) {
                return new Classification(Effect.MUTATE, "'" + parts[0] + " " + parts[1] + "' changes the host");
            }
        }
        for (String entry : readOnlyCommands) {
            if (matches(words, words(entry))) {
                return new Classification(Effect.READ, "matches the read-only command '" + entry + "'");
            }
        }
        return new Classification(Effect.MUTATE, "it does not start with any of the inventory's readOnlyCommands");
    }

    private static boolean matches(String[] command, String[] entry) {
        if (entry.length == 0 || command.length < entry.length) {
            return false;
        }
        for (int i = 0; i < entry.length; i++) {
            String want = entry[i];
            boolean ok = want.endsWith("*") ? command[i].startsWith(want.substring(0, want.length() - 1))
                    : command[i].equals(want);
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static String[] words(String text) {
        String stripped = text.strip();
        return stripped.isEmpty() ? new String[0] : WORDS.split(stripped);
    }

    private static String describe(char c) {
        return switch (c) {
            case '\n' -> "newline";
            case '\r' -> "carriage return";
            case '\u0000' -> "NUL";
            default -> "'" + c + "'";
        };
    }
}
