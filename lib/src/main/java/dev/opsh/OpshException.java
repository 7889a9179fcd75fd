package dev.opsh;

/**
 * An expected failure whose message is written for the operator.
 *
 * <p>Every failure that an operator can cause or fix (bad input, a service that does not answer,
 * a refusal by the guard) is one of these. The shell catches them in one place and shows the
 * message as one line; anything else is a bug and shows a trace on {@code /trace}.
 */
public class OpshException extends RuntimeException {
    private final ExitCode exitCode;

    public OpshException(ExitCode exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public OpshException(ExitCode exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public ExitCode exitCode() {
        return exitCode;
    }
}
