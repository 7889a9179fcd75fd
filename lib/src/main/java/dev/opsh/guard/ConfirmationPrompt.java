package dev.opsh.guard;

/**
 * The operator's terminal, as the guard sees it: where previews are shown and the confirmation
 * phrase is typed. The shell implements it over the controlling terminal ({@code /dev/tty}), never
 * over standard input, so that a piped script cannot confirm anything.
 */
public interface ConfirmationPrompt {
    /** No terminal at all: previews go nowhere and every question is unanswered. */
    ConfirmationPrompt NO_TERMINAL = new ConfirmationPrompt() {
        @Override
        public void show(Preview preview) {
        }

        @Override
        public String readLine(String prompt) {
            return null;
        }
    };

    /** Shows the preview of a mutation on a protected inventory before the phrase is asked for. */
    void show(Preview preview);

    /**
     * Shows {@code prompt} and reads one line typed at the terminal, without its line end.
     *
     * @return the line, or null when there is no terminal, at end of input, or when Ctrl-C or a
     *     thread interrupt ended the wait
     */
    String readLine(String prompt);
}
