package dev.opsh.cli;

import dev.opsh.engine.ScriptCompiler;
import dev.opsh.inventory.Inventory;
import dev.opsh.render.Screen;
import dev.opsh.repl.Failures;
import dev.opsh.repl.Repl;
import dev.opsh.repl.Session;
import dev.opsh.repl.SessionHeader;
import dev.opsh.transcript.SessionInfo;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import org.jline.reader.LineReader;
import org.jline.terminal.Terminal;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code opsh}: the interactive ops shell, or one expression with {@code -e}. */
@Command(name = "opsh", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        subcommands = {RunCommand.class, LabCommand.class, VerifyCommand.class, ReplayCommand.class, TranscriptsCommand.class},
        description = "An interactive ops shell over one inventory of hosts and services.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success",
            "1:an evaluation or runtime failure",
            "2:a usage or configuration error (unknown option, malformed or unknown inventory)",
            "3:refused by the prod guard"})
public final class Main implements Callable<Integer> {
    @Mixin
    ShellOptions options;

    @Option(names = {"-e", "--eval"}, paramLabel = "EXPR", description = "evaluate EXPR, print its result and exit")
    String eval;

    @Spec
    CommandLine.Model.CommandSpec spec;

    private final Map<String, String> env;
    private final EarlyStart early;

    Main(Map<String, String> env, EarlyStart early) {
        this.env = env;
        this.early = early;
    }

    public static void main(String[] args) {
        System.exit(execute(args, System.getenv()));
    }

    /** Runs the command line and returns its exit code. */
    static int execute(String[] args, Map<String, String> env) {
        EarlyStart early = EarlyStart.forArgs(args, new Sessions(OpshHome.from(env), env));
        if (early == null) {
            return commandLine(env).execute(args);
        }
        Main main = new Main(env, early);
        main.options = early.options();
        main.eval = early.eval();
        try {
            return main.call();
        } catch (Exception failure) {
            return failed(failure, main.out(), main.err(), env);
        }
    }

    /** The command line, with the one catch point that maps every failure to a red line and an exit code. */
    static CommandLine commandLine(Map<String, String> env) {
        // picocli looks for groovy.lang.Closure (for closures in annotations, which opsh does not use);
        // finding it on the class path would start the whole Groovy runtime before the prompt.
        System.setProperty("picocli.disable.closures", "true");
        CommandLine cli = new CommandLine(new Main(env, null));
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        // 'opsh -i lab' names the lab inventory, not the 'lab' subcommand.
        cli.setAllowSubcommandsAsOptionParameters(true);
        cli.setExecutionExceptionHandler((failure, commandLine, parseResult) ->
                failed(failure, commandLine.getOut(), commandLine.getErr(), env));
        return cli;
    }

    /** The catch point: one red line on standard error, and the failure's exit code. */
    private static int failed(Exception failure, PrintWriter out, PrintWriter err, Map<String, String> env) {
        String message = new Failures(List::of).describe(failure);
        boolean color = System.console() != null && !env.containsKey("NO_COLOR");
        new Screen(out, err, null, color).error(message);
        return Failures.exitCode(failure).code();
    }

    Sessions sessions() {
        return new Sessions(OpshHome.from(env), env);
    }

    /** The screen of {@code -e} and scripts: results on standard output, errors on standard error. */
    Screen screenForScripts(ShellOptions opts) {
        boolean color = !opts.noColor && !env.containsKey("NO_COLOR") && System.console() != null;
        return new Screen(out(), err(), null, color);
    }

    /** Standard output: picocli's writer, or, for a command line it did not parse, one made as picocli makes it. */
    private PrintWriter out() {
        return spec != null ? spec.commandLine().getOut() : writer(System.out, "sun.stdout.encoding");
    }

    private PrintWriter err() {
        return spec != null ? spec.commandLine().getErr() : writer(System.err, "sun.stderr.encoding");
    }

    private static PrintWriter writer(PrintStream stream, String encodingProperty) {
        String encoding = System.getProperty(encodingProperty);
        Charset charset;
        try {
            // Windows' UTF-8 code page, which Java does not know by that name; picocli maps it the same way.
            charset = encoding == null ? Charset.defaultCharset()
                    : "cp65001".equalsIgnoreCase(encoding) ? StandardCharsets.UTF_8 : Charset.forName(encoding);
        } catch (IllegalArgumentException unknown) {
            charset = Charset.defaultCharset();
        }
        return new PrintWriter(new BufferedWriter(new OutputStreamWriter(stream, charset)), true);
    }

    @Override
    public Integer call() throws Exception {
        OpshHome home = OpshHome.from(env);
        Sessions sessions = new Sessions(home, env);
        boolean colorWanted = !options.noColor && !env.containsKey("NO_COLOR");
        if (eval != null) {
            ScriptCompiler compiler = early != null ? early.compiler() : sessions.compiling(eval);
            Inventory inventory = early != null ? Startup.join(early.inventory()) : sessions.inventory(options);
            try (Session session = sessions.open(inventory, screenForScripts(options), options, null, compiler, false)) {
                Startup.inBackground("opsh-transcript-header", session.recorder()::prepare);
                return session.evaluate("-e", eval).code();
            }
        }
        CompletableFuture<Inventory> reading = early != null ? early.inventory()
                : Startup.supply("opsh-inventory", () -> sessions.inventory(options));
        try (Terminal terminal = early != null ? early.terminal() : ReplTerminal.open()) {
            Inventory inventory = Startup.join(reading);
            boolean color = colorWanted && !Terminal.TYPE_DUMB.equals(terminal.getType());
            PrintWriter out = terminal.writer();
            Screen screen = new Screen(out, out, terminal, color);
            // The session opens and its header prints while the start thread still makes the line reader.
            try (Session session = sessions.open(inventory, screen, options, terminal)) {
                screen.println(SessionHeader.of(inventory, version(), Instant.now(), userAtHost(), session.recorder().file()));
                LineReader reader = early != null ? early.reader() : Repl.reader(terminal);
                return new Repl(session, reader, home.historyFile()).run().code();
            }
        }
    }

    static String userAtHost() {
        return SessionInfo.localUser() + "@" + SessionInfo.localHost();
    }

    static String version() {
        String v = Main.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    /** The version from the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"opsh " + version(), "Java " + System.getProperty("java.version")};
        }
    }
}
