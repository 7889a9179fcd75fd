package dev.opsh.cli;

import dev.opsh.inventory.Inventory;
import dev.opsh.render.Screen;
import dev.opsh.repl.Failures;
import dev.opsh.repl.Repl;
import dev.opsh.repl.Session;
import dev.opsh.repl.SessionHeader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
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

    Main(Map<String, String> env) {
        this.env = env;
    }

    public static void main(String[] args) {
        System.exit(commandLine(System.getenv()).execute(args));
    }

    /** The command line with the one catch point that maps every failure to a red line and an exit code. */
    static CommandLine commandLine(Map<String, String> env) {
        CommandLine cli = new CommandLine(new Main(env));
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
        Inventory inventory = sessions.inventory(options);
        boolean colorWanted = !options.noColor && !env.containsKey("NO_COLOR");
        if (eval != null) {
            try (Session session = sessions.open(inventory, screenForScripts(options), options, null)) {
                return session.evaluate("-e", eval).code();
            }
        }
        try (Terminal terminal = replTerminal()) {
            boolean color = colorWanted && !Terminal.TYPE_DUMB.equals(terminal.getType());
            PrintWriter out = terminal.writer();
            Screen screen = new Screen(out, out, terminal, color);
            try (Session session = sessions.open(inventory, screen, options, terminal)) {
                screen.println(SessionHeader.of(inventory, version(), Instant.now(), userAtHost(), session.recorder().file()));
                return new Repl(session, terminal, home.historyFile()).run().code();
            }
        }
    }

    /**
     * The REPL's terminal. Ctrl-C is ignored unless something asks for it: the line reader clears
     * the line with it and an evaluation is cancelled by it, and between the two (a slash command,
     * the moment an evaluation ends) a stray Ctrl-C must not end a session that may have services
     * down. JLine's default would hand the signal back to the JVM, which exits with 130.
     */
    static Terminal replTerminal() throws java.io.IOException {
        return TerminalBuilder.builder().name("opsh").system(true).signalHandler(Terminal.SignalHandler.SIG_IGN).build();
    }

    static String userAtHost() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            host = "localhost";
        }
        return System.getProperty("user.name") + "@" + host;
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
