package dev.opsh.cli;

import dev.opsh.OpshException;
import java.util.function.IntSupplier;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Runs a command's body and turns an {@link OpshException} into its exit code and one line on the
 * command's error stream, so that the transcript commands behave alike whoever calls them.
 */
final class OperatorErrors {
    private OperatorErrors() {}

    static int run(CommandSpec spec, IntSupplier body) {
        try {
            return body.getAsInt();
        } catch (OpshException e) {
            spec.commandLine().getErr().println(spec.commandLine().getColorScheme().errorText("opsh: " + e.getMessage()));
            spec.commandLine().getErr().flush();
            return e.exitCode().code();
        }
    }
}
