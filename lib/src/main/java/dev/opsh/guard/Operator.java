package dev.opsh.guard;

import java.util.Map;

/**
 * The person at the keyboard, as far as the guard is concerned: the environment opsh was started
 * with and the terminal they can confirm on. Both are injected (never read from
 * {@code System.getenv()} here), so tests can hold any environment and script any terminal.
 *
 * @param environment the process environment: {@code CONFIRM_PROD}, {@code SKIP_BACKUP_FRESHNESS}
 */
public record Operator(Map<String, String> environment, ConfirmationPrompt prompt, boolean skipsMutations) {
    /** The variable that must be exactly {@code 1} before any mutation on a protected inventory. */
    public static final String CONFIRM_PROD = "CONFIRM_PROD";
    /** The variable that, set to exactly {@code 1}, skips the backup-freshness pre-flight (loudly, and recorded). */
    public static final String SKIP_BACKUP_FRESHNESS = "SKIP_BACKUP_FRESHNESS";

    /** Nobody: an empty environment and no terminal. Every mutation on a protected inventory is refused. */
    public static final Operator NONE = new Operator(Map.of(), ConfirmationPrompt.NO_TERMINAL);

    public Operator {
        environment = Map.copyOf(environment);
    }

    /** An operator at the keyboard: mutations go through the guard. */
    public Operator(Map<String, String> environment, ConfirmationPrompt prompt) {
        this(environment, prompt, false);
    }

    /** The same operator replaying a transcript: every MUTATE and CHAOS step is skipped before it runs. */
    public Operator skippingMutations() {
        return new Operator(environment, prompt, true);
    }

    /** The value of an environment variable, or null. */
    public String env(String name) {
        return environment.get(name);
    }

    boolean confirmsProd() {
        return "1".equals(env(CONFIRM_PROD));
    }

    boolean skipsBackupFreshness() {
        return "1".equals(env(SKIP_BACKUP_FRESHNESS));
    }
}
