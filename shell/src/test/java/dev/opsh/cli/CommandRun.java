package dev.opsh.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import picocli.CommandLine;

/** A picocli command run as the shell runs it (with {@link Main}'s one catch point), with what it printed. */
record CommandRun(int exit, String out, String err) {
    static CommandRun of(Object command, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine line = new CommandLine(command);
        line.setExecutionExceptionHandler(Main.commandLine(Map.of()).getExecutionExceptionHandler());
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        int exit = line.execute(args);
        return new CommandRun(exit, out.toString(), err.toString());
    }
}
