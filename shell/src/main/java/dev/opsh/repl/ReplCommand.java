package dev.opsh.repl;

/**
 * One {@code /command} of the REPL.
 *
 * @param args how its arguments are written, for {@code /help}; empty when it takes none
 */
record ReplCommand(String name, String args, String summary, Action action) {
    /** What a command does with its argument text. */
    @FunctionalInterface
    interface Action {
        Outcome run(String args) throws Exception;
    }

    /** Whether the REPL goes on after the command. */
    enum Outcome { CONTINUE, EXIT }
}
