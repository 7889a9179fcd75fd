package dev.opsh.guard;

import dev.opsh.ExitCode;
import dev.opsh.OpshException;
import dev.opsh.dsl.Effect;
import dev.opsh.dsl.OpsContext;
import dev.opsh.engine.VerbCatalog;
import dev.opsh.guard.GuardRecord.Decision;
import dev.opsh.inventory.Inventory;

/**
 * The one gate every MUTATE and CHAOS verb passes before it changes anything. On an unprotected
 * inventory it shows a one-line preview and lets the action run. On a protected one it needs, in
 * order: {@code CONFIRM_PROD=1}; a preview; for chaos that takes something down, a fresh enough
 * backup (or {@code SKIP_BACKUP_FRESHNESS=1}, loudly); and the exact phrase typed at the terminal.
 * No flag or variable skips the phrase. A refusal is an {@link OpshException} with
 * {@link ExitCode#REFUSED}, thrown before anything ran. Every decision is reported through
 * {@link dev.opsh.dsl.SessionEvents#guard}.
 */
public final class Guard {
    private final OpsContext context;

    public Guard(OpsContext context) {
        this.context = context;
    }

    /** Returns when {@code action} may run; throws a refusal otherwise. */
    public void authorize(GuardedAction action) {
        checkDeclared(action);
        Inventory inventory = context.inventory();
        if (context.operator().skipsMutations()) {
            SkippedMutation skipped = new SkippedMutation(action.verb(), action.effect());
            record(action, Preview.of(inventory, action, null).oneLine(), Decision.REFUSED, skipped.getMessage(), false);
            throw skipped;
        }
        if (!inventory.isProtected()) {
            Preview preview = Preview.of(inventory, action, null);
            context.events().notice(preview.oneLine());
            record(action, preview.oneLine(), Decision.ALLOWED, "unprotected inventory: previewed and run", false);
            return;
        }
        Operator operator = context.operator();
        String what = action.verb() + " on protected inventory '" + inventory.name() + "' (" + inventory.environment() + ")";
        if (!operator.confirmsProd()) {
            String set = operator.env(Operator.CONFIRM_PROD) == null ? "is not set"
                    : "is set to something other than 1";
            throw refuse(action, Preview.of(inventory, action, null), what + " needs CONFIRM_PROD=1 in the environment ("
                    + "CONFIRM_PROD " + set + "); start opsh as 'CONFIRM_PROD=1 opsh -i " + inventory.name()
                    + "' to allow mutations, each still previewed and confirmed with a typed phrase", false);
        }
        ConfirmationPrompt prompt = operator.prompt();
        boolean skipped = false;
        String backup = null;
        if (action.effect() == Effect.CHAOS) {
            if (action.restoring()) {
                backup = "pre-flight not needed to bring services back";
            } else if (operator.skipsBackupFreshness()) {
                skipped = true;
                backup = "!!! PRE-FLIGHT SKIPPED by SKIP_BACKUP_FRESHNESS=1: nobody checked that a recent backup exists !!!";
                context.events().notice("WARNING: " + backup);
            } else {
                try {
                    backup = BackupFreshness.check(context);
                } catch (RuntimeException e) {
                    String reason = e instanceof OpshException ? e.getMessage() : e.toString();
                    Preview failed = Preview.of(inventory, action, "REFUSED: " + reason);
                    prompt.show(failed);
                    throw refuse(action, failed, what + ": the backup-freshness pre-flight failed: " + reason
                            + " (SKIP_BACKUP_FRESHNESS=1 skips it, loudly and on the record)", false);
                }
            }
        }
        Preview preview = Preview.of(inventory, action, backup);
        prompt.show(preview);
        String phrase = action.phrase();
        String typed = prompt.readLine("Type '" + phrase + "' to go ahead; anything else refuses: ");
        // Cleared before recording: the refusal ends the evaluation anyway, and an interrupted
        // thread cannot write the transcript (its channel would close on the interrupt).
        if (Thread.interrupted()) {
            throw refuse(action, preview, what + ": interrupted while waiting for the phrase", skipped);
        }
        if (typed == null) {
            throw refuse(action, preview, what + ": no phrase was typed (no terminal, end of input or Ctrl-C);"
                    + " the phrase is read from the terminal, never from standard input", skipped);
        }
        if (!typed.equals(phrase)) {
            throw refuse(action, preview, what + ": the typed text was not exactly '" + phrase + "'", skipped);
        }
        record(action, preview.text(), Decision.CONFIRMED, "CONFIRM_PROD=1, preview shown, phrase typed"
                + (skipped ? ", backup-freshness pre-flight SKIPPED" : ""), skipped);
    }

    /**
     * Records a refusal decided before an action could be described in full, such as chaos on a
     * service of several nodes with none named, and returns the exception to throw.
     */
    public OpshException refuse(String verb, String preview, String reason) {
        Effect effect = VerbCatalog.effectOf(verb).orElseThrow(() -> new IllegalStateException("'" + verb + "' is not a verb"));
        Inventory inventory = context.inventory();
        context.events().guard(new GuardRecord(verb, effect, inventory.name(), inventory.environment(), preview,
                Decision.REFUSED, reason, false));
        return refusal(reason);
    }

    private static void checkDeclared(GuardedAction action) {
        Effect declared = VerbCatalog.effectOf(action.verb()).orElse(null);
        if (declared != action.effect() || declared == Effect.READ) {
            throw new IllegalStateException("guarded action '" + action.verb() + "' says " + action.effect()
                    + " but the verb is declared " + declared);
        }
    }

    private OpshException refuse(GuardedAction action, Preview preview, String reason, boolean skipped) {
        record(action, preview.text(), Decision.REFUSED, reason, skipped);
        return refusal(reason);
    }

    private static OpshException refusal(String reason) {
        return new OpshException(ExitCode.REFUSED, "refused: " + reason + ". Nothing was run.");
    }

    private void record(GuardedAction action, String preview, Decision decision, String reason, boolean skipped) {
        Inventory inventory = context.inventory();
        context.events().guard(new GuardRecord(action.verb(), action.effect(), inventory.name(), inventory.environment(),
                preview, decision, reason, skipped));
    }
}
