package dev.opsh;

/** The process exit codes of opsh, documented in {@code --help} and the README. */
public enum ExitCode {
    OK(0),
    /** An evaluation or runtime failure: a verb failed, a script threw. */
    FAILURE(1),
    /** Bad usage or configuration: unknown option, malformed inventory, unknown inventory. */
    USAGE(2),
    /** The prod guard refused a mutation. */
    REFUSED(3);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
