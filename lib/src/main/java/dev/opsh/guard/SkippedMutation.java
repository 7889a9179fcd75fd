package dev.opsh.guard;

import dev.opsh.ExitCode;
import dev.opsh.OpshException;
import dev.opsh.dsl.Effect;

/** A MUTATE or CHAOS step that a rerun of a transcript skipped, as it was told to: nothing ran. */
public class SkippedMutation extends OpshException {
    private final Effect effect;

    public SkippedMutation(String verb, Effect effect) {
        super(ExitCode.REFUSED, verb + " is a " + effect + " step: skipped by the rerun (--with-mutations runs it under the guard)");
        this.effect = effect;
    }

    public Effect effect() {
        return effect;
    }
}
