package dev.opsh.cli;

import dev.opsh.engine.Evaluator;
import dev.opsh.inventory.Inventory;
import dev.opsh.render.Screen;
import dev.opsh.repl.Failures;
import dev.opsh.repl.Repl;
import dev.opsh.repl.Session;
import dev.opsh.repl.SessionHeader;
import dev.opsh.transcript.SessionInfo;
import java.io.PrintWriter;
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
        description = "An interactive ops shell over one inventory of hosts and services.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success",
            "1:an evaluation or runtime failure",
            "2:a usage or configuration error (unknown option, malformed or unknown inventory)",
            "3:refused by the prod guard"})
public final class Main implements Callable<Integer> {
    private static final List<Class<?>> SUBCOMMANDS = List.of(RunCommand.class, LabCommand.class, VerifyCommand.class,
            ReplayCommand.class, TranscriptsCommand.class);

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
        Map<String, String> env = System.getenv();
        EarlyStart early = EarlyStart.forArgs(args, new Sessions(OpshHome.from(env), env));
        System.exit(commandLine(env, early).execute(args));
    }

    static CommandLine commandLine(Map<String, String> env) {
        return commandLine(env, null);
    }

    /**
     * The command line with the one catch point that maps every failure to a red line and an exit code.
     *
     * @param early the REPL's start begun before parsing, or null
     */
    static CommandLine commandLine(Map<String, String> env, EarlyStart early) {
        // picocli looks for groovy.lang.Closure (for closures in annotations, which opsh does not use);
        // finding it on the class path would start the whole Groovy runtime before the prompt.
        System.setProperty("picocli.disable.closures", "true");
        CommandLine cli = new CommandLine(new Main(env, early));
        if (early == null) {
            // A command line that can only open the REPL names no subcommand; their models cost
            // tens of milliseconds of picocli's reflection, so only the others build them.
            for (Class<?> subcommand : SUBCOMMANDS) {
                cli.addSubcommand(subcommand);
            }
        }
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        // 'opsh -i lab' names the lab inventory, not the 'lab' subcommand.
        cli.setAllowSubcommandsAsOptionParameters(true);
        cli.setExecutionExceptionHandler((failure, commandLine, parseResult) -> {
            String message = new Failures(List::of).describe(failure);
            boolean color = System.console() != null && !env.containsKey("NO_COLOR");
            new Screen(commandLine.getOut(), commandLine.getErr(), null, color).error(message);
            return Failures.exitCode(failure).code();
        });
        return cli;
    }

    Sessions sessions() {
        return new Sessions(OpshHome.from(env), env);
    }

    /** The screen of {@code -e} and scripts: results on standard output, errors on standard error. */
    Screen screenForScripts(ShellOptions opts) {
        boolean color = !opts.noColor && !env.containsKey("NO_COLOR") && System.console() != null;
        return new Screen(spec.commandLine().getOut(), spec.commandLine().getErr(), null, color);
    }

    @Override
    public Integer call() throws Exception {
        OpshHome home = OpshHome.from(env);
        Sessions sessions = new Sessions(home, env);
        boolean colorWanted = !options.noColor && !env.containsKey("NO_COLOR");
        if (eval != null) {
            Startup.inBackground("opsh-groovy", Evaluator::loadRuntime);
            Inventory inventory = sessions.inventory(options);
            try (Session session = sessions.open(inventory, screenForScripts(options), options, null)) {
                Startup.inBackground("opsh-transcript-header", session.recorder()::prepare);
                return session.evaluate("-e", eval).code();
            }
        }
        CompletableFuture<Inventory> reading = early == null ? null : early.inventoryFor(options.inventory);
        if (reading == null) {
            reading = Startup.supply("opsh-inventory", () -> sessions.inventory(options));
        }
        LineReader reader = early == null ? Repl.reader(ReplTerminal.open()) : early.reader();
        try (Terminal terminal = reader.getTerminal()) {
            Inventory inventory = Startup.join(reading);
            boolean color = colorWanted && !Terminal.TYPE_DUMB.equals(terminal.getType());
            PrintWriter out = terminal.writer();
            Screen screen = new Screen(out, out, terminal, color);
            try (Session session = sessions.open(inventory, screen, options, terminal)) {
                screen.println(SessionHeader.of(inventory, version(), Instant.now(), userAtHost(), session.recorder().file()));
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
