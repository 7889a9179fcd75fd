package dev.opsh.cli;

import dev.opsh.engine.ScriptCompiler;
import dev.opsh.inventory.Inventory;
import dev.opsh.repl.Repl;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.TimeZone;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Logger;
import org.jline.reader.LineReader;
import org.jline.terminal.Terminal;

/**
 * The start of the two command lines an operator types most: {@code opsh [-i NAME]} for the REPL
 * and {@code opsh [-i NAME] -e EXPR}. Their few forms are understood without picocli, whose models
 * cost more than a hundred milliseconds of a cold JVM's CPU, and the slow parts of the start begin
 * at once on their own threads: the inventory is read, and the REPL's terminal and then its line
 * reader are made, or, for {@code -e}, the expression is compiled. {@link Main} then runs the
 * command inside the same catch point as every other; a failure on a start thread is kept and
 * thrown where the ordinary start would have thrown it. Every other command line goes to picocli
 * untouched.
 */
final class EarlyStart {
    private final SimpleArgs args;
    private final CompletableFuture<Terminal> terminal;
    private final CompletableFuture<LineReader> reader;
    private final CompletableFuture<Inventory> inventory;
    private final ScriptCompiler compiler;

    private EarlyStart(SimpleArgs args, Sessions sessions) {
        this.args = args;
        if (args.eval() == null) {
            // One thread opens the terminal, hands it over, then makes the line reader on it, while
            // the main thread opens the session. (A thenApply would let the main thread, waiting
            // for the terminal, run the reader's making itself, before the session.)
            this.terminal = new CompletableFuture<>();
            this.reader = Startup.supply("opsh-terminal", () -> {
                Terminal opened;
                try {
                    opened = openTerminal();
                } catch (RuntimeException | Error e) {
                    terminal.completeExceptionally(e);
                    throw e;
                }
                terminal.complete(opened);
                return Repl.reader(opened);
            });
            this.compiler = null;
        } else {
            this.terminal = null;
            this.reader = null;
            this.compiler = sessions.compiling(args.eval());
        }
        this.inventory = Startup.supply("opsh-inventory", () -> {
            Inventory loaded = sessions.inventory(args.inventory());
            // What opening the session needs next and this thread has time for, while the terminal
            // is still being made: the transcript's session id (SecureRandom) and the time zone of
            // the header's local time (a read of the JDK's tzdb.dat).
            UUID.randomUUID();
            TimeZone.getDefault();
            return loaded;
        });
        // JLine and Groovy log through java.util.logging, whose start reads its configuration and
        // checks for a System.LoggerFinder: about 15 ms with that check kept to opsh's two jars (see
        // dev.opsh.JulLoggerFinder), which this thread spends while it would only wait for the others.
        Logger.getLogger("org.jline");
        if (compiler != null) {
            // Likewise the jars Groovy's runtime opens first, while the compile thread starts it.
            ScriptCompiler.openClassPath();
        }
    }

    /** Begins the start when {@code args} is one of the simple command lines, else returns null and does nothing. */
    static EarlyStart forArgs(String[] args, Sessions sessions) {
        return SimpleArgs.of(args).map(simple -> new EarlyStart(simple, sessions)).orElse(null);
    }

    /**
     * A command line made only of {@code -i NAME} and {@code -e EXPR}, each at most once, in any of
     * picocli's spellings ({@code --inventory NAME}, {@code --inventory=NAME}, {@code --eval}…).
     *
     * @param inventory the {@code -i} value, or null
     * @param eval the {@code -e} value, or null for the REPL
     */
    record SimpleArgs(String inventory, String eval) {
        /**
         * Nothing when {@code args} could mean anything else: a subcommand, help, another option, a
         * repeated option, or a value picocli might read otherwise (empty, or starting with
         * {@code -} or {@code @}, which picocli expands from a file).
         */
        static Optional<SimpleArgs> of(String[] args) {
            String inventory = null;
            String eval = null;
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                String value;
                boolean isInventory;
                if (arg.equals("-i") || arg.equals("--inventory") || arg.equals("-e") || arg.equals("--eval")) {
                    if (i + 1 == args.length) {
                        return Optional.empty();
                    }
                    isInventory = arg.equals("-i") || arg.equals("--inventory");
                    value = args[++i];
                } else if (arg.startsWith("--inventory=") || arg.startsWith("--eval=")) {
                    isInventory = arg.startsWith("--inventory=");
                    value = arg.substring(arg.indexOf('=') + 1);
                } else {
                    return Optional.empty();
                }
                if (value.isEmpty() || value.startsWith("-") || value.startsWith("@")
                        || (isInventory ? inventory : eval) != null) {
                    return Optional.empty();
                }
                if (isInventory) {
                    inventory = value;
                } else {
                    eval = value;
                }
            }
            return Optional.of(new SimpleArgs(inventory, eval));
        }
    }

    /** The options picocli would have parsed from the command line. */
    ShellOptions options() {
        return ShellOptions.inventory(args.inventory());
    }

    /** The {@code -e} expression, or null for the REPL. */
    String eval() {
        return args.eval();
    }

    /**
     * The REPL's terminal, as soon as it is open; its line reader may still be being made.
     *
     * @throws IOException as {@link ReplTerminal#open} threw it on the start thread
     */
    Terminal terminal() throws IOException {
        if (terminal == null) {
            throw new IllegalStateException("-e opens no terminal");
        }
        try {
            return Startup.join(terminal);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** The line reader on {@link #terminal}, which {@link dev.opsh.repl.Repl} completes. */
    LineReader reader() throws IOException {
        terminal();
        return Startup.join(reader);
    }

    /** The compiler of {@code -e}, already compiling its expression. */
    ScriptCompiler compiler() {
        return compiler;
    }

    /** The inventory, being read. */
    CompletableFuture<Inventory> inventory() {
        return inventory;
    }

    private static Terminal openTerminal() {
        try {
            return ReplTerminal.open();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
