package dev.opsh.engine;

import dev.opsh.ExitCode;
import dev.opsh.OpshException;

/** The input does not compile; the message names what and where. */
public class EvaluationException extends OpshException {
    public EvaluationException(String message, Throwable cause) {
        super(ExitCode.FAILURE, message, cause);
    }
}
