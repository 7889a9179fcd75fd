package dev.opsh.guard;

import dev.opsh.dsl.Effect;

/**
 * One decision of the guard, as the transcript records it. It never holds what the operator typed.
 *
 * @param preview the preview text (the one-line preview on an unprotected inventory)
 * @param reason why: the refusal's explanation, or how the action was allowed
 * @param backupFreshnessSkipped whether {@code SKIP_BACKUP_FRESHNESS=1} skipped the pre-flight
 */
public record GuardRecord(String verb, Effect effect, String inventory, String environment, String preview,
        Decision decision, String reason, boolean backupFreshnessSkipped) {

    /** What the guard decided. */
    public enum Decision {
        /** Unprotected inventory: ran after a one-line preview. */
        ALLOWED,
        /** Protected inventory: CONFIRM_PROD=1, preview shown, pre-flight passed or skipped, phrase typed. */
        CONFIRMED,
        /** Nothing ran. */
        REFUSED
    }
}
