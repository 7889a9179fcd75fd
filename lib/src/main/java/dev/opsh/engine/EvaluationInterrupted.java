package dev.opsh.engine;

import dev.opsh.ExitCode;
import dev.opsh.OpshException;

/** The operator pressed Ctrl-C; the evaluation stopped and the session goes on. */
public class EvaluationInterrupted extends OpshException {
    public EvaluationInterrupted() {
        super(ExitCode.FAILURE, "interrupted");
    }
}
