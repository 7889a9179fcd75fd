package dev.opsh.cli;

import dev.opsh.ExitCode;
import dev.opsh.OpshException;
import dev.opsh.engine.ScriptCompiler;
import dev.opsh.inventory.Inventory;
import dev.opsh.render.Screen;
import dev.opsh.repl.Session;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;

/** {@code opsh run SCRIPT [ARGS...]}: a saved Groovy runbook, with the same DSL, guard and transcript as the REPL. */
@Command(name = "run", description = "Run a Groovy script (a runbook) with the opsh DSL. The script sees its arguments as 'args'.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the script finished", "1:the script failed", "2:usage or configuration error", "3:refused by the prod guard"})
final class RunCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Mixin
    ShellOptions options;

    @Parameters(index = "0", paramLabel = "SCRIPT", description = "the Groovy script to run")
    Path script;

    @Parameters(index = "1..*", paramLabel = "ARGS", description = "arguments passed to the script as 'args'")
    List<String> args = new ArrayList<>();

    @Override
    public Integer call() {
        String source;
        try {
            source = Files.readString(script);
        } catch (NoSuchFileException e) {
            throw new OpshException(ExitCode.USAGE, "no such script: " + script.toAbsolutePath());
        } catch (IOException e) {
            throw new OpshException(ExitCode.USAGE, "cannot read " + script + ": " + e.getMessage());
        }
        Sessions sessions = main.sessions();
        ScriptCompiler compiler = sessions.compiling(source);
        Inventory inventory = sessions.inventory(options);
        Screen screen = main.screenForScripts(options);
        try (Session session = sessions.open(inventory, screen, options, null, compiler, false)) {
            session.evaluator().define("args", args.toArray(String[]::new));
            return session.evaluate("run " + script, source).code();
        }
    }
}
