package dev.opsh.cli;

import dev.opsh.ExitCode;
import dev.opsh.transcript.TranscriptVerifier;
import dev.opsh.transcript.Verification;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code opsh verify FILE}: checks a transcript's hash chain. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Check a transcript's hash chain. Exits 0 if intact, 1 naming the first bad line and why.")
public final class VerifyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The transcript (.jsonl).")
    Path file;

    @Override
    public Integer call() {
        Verification verification = TranscriptVerifier.verify(file);
        PrintWriter out = spec.commandLine().getOut();
        out.println(file + ": " + verification.describe());
        out.flush();
        if (verification.outcome() == Verification.Outcome.NOT_A_TRANSCRIPT) {
            return ExitCode.USAGE.code();
        }
        return verification.intact() ? ExitCode.OK.code() : ExitCode.FAILURE.code();
    }
}
