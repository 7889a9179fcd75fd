package dev.opsh.adapters.ssh;

import dev.opsh.dsl.Effect;

/**
 * The one place that decides what a remote shell command does to the world. Every command counts
 * as {@link Effect#READ} until the guard classifies commands (read-only list, confirmations).
 */
public final class CommandEffects {
    private CommandEffects() {
    }

    public static Effect of(String command) {
        return Effect.READ;
    }
}
