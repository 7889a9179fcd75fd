package dev.opsh.adapters;

import dev.opsh.ExitCode;
import dev.opsh.OpshException;

/** A service accepted the call but did not answer within its deadline. Health probes report it as TIMEOUT. */
public class DeadlineExceededException extends OpshException {
    public DeadlineExceededException(String message, Throwable cause) {
        super(ExitCode.FAILURE, message, cause);
    }
}
