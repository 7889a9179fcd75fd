package dev.opsh;

import dev.opsh.text.DidYouMean;
import java.util.Collection;

/** A name (service, host, group, command, inventory) that is not known, with a did-you-mean hint. */
public class UnknownNameException extends OpshException {
    private final String kind;
    private final String name;

    public UnknownNameException(ExitCode exitCode, String kind, String name, Collection<String> known) {
        super(exitCode, "unknown " + kind + " '" + name + "'" + DidYouMean.hint(name, known));
        this.kind = kind;
        this.name = name;
    }

    /** Unknown names typed in the DSL are evaluation failures (exit 1). */
    public UnknownNameException(String kind, String name, Collection<String> known) {
        this(ExitCode.FAILURE, kind, name, known);
    }

    public String kind() {
        return kind;
    }

    public String name() {
        return name;
    }
}
