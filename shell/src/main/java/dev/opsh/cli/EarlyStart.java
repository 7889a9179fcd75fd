package dev.opsh.cli;

import dev.opsh.inventory.Inventory;
import dev.opsh.repl.Repl;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.jline.reader.LineReader;

/**
 * The interactive start, begun before picocli has parsed the command line. Parsing costs more than
 * a hundred milliseconds of a cold JVM, and a command line that is only {@code opsh}, or
 * {@code opsh -i NAME}, can only mean the REPL, so its terminal and line reader are made and its
 * inventory read on two threads meanwhile. What picocli then parses decides: {@link Main} takes
 * the terminal and, when the parsed inventory option is the one guessed here, the inventory; any
 * other inventory is read again. A failure is kept and thrown where the ordinary start would have
 * thrown it.
 */
final class EarlyStart {
    private final String inventoryOption;
    private final CompletableFuture<LineReader> reader;
    private final CompletableFuture<Inventory> inventory;

    private EarlyStart(String inventoryOption, Sessions sessions) {
        this.inventoryOption = inventoryOption;
        this.reader = Startup.supply("opsh-terminal", EarlyStart::openReader);
        this.inventory = Startup.supply("opsh-inventory", () -> {
            Inventory loaded = sessions.inventory(inventoryOption);
            UUID.randomUUID(); // the transcript's session id: its SecureRandom starts here, not on the main thread
            return loaded;
        });
    }

    /** Begins the start when {@code args} can only open the REPL, else returns null and does nothing. */
    static EarlyStart forArgs(String[] args, Sessions sessions) {
        return ReplArgs.of(args).map(repl -> new EarlyStart(repl.inventory(), sessions)).orElse(null);
    }

    /** A command line that can only open the REPL, and the {@code -i} value it gives (null for none). */
    record ReplArgs(String inventory) {
        /** Nothing when {@code args} could mean anything else: {@code -e}, a subcommand, help, a malformed option. */
        static Optional<ReplArgs> of(String[] args) {
            if (args.length == 0) {
                return Optional.of(new ReplArgs(null));
            }
            if (args.length == 2 && (args[0].equals("-i") || args[0].equals("--inventory")) && !args[1].startsWith("-")) {
                return Optional.of(new ReplArgs(args[1]));
            }
            String prefix = "--inventory=";
            if (args.length == 1 && args[0].startsWith(prefix) && args[0].length() > prefix.length()) {
                return Optional.of(new ReplArgs(args[0].substring(prefix.length())));
            }
            return Optional.empty();
        }
    }

    /** The terminal, with a line reader on it that {@link dev.opsh.repl.Repl} completes. */
    LineReader reader() {
        return Startup.join(reader);
    }

    /** The inventory read early if {@code option} is the one it was read for, else null. */
    CompletableFuture<Inventory> inventoryFor(String option) {
        return Objects.equals(option, inventoryOption) ? inventory : null;
    }

    private static LineReader openReader() {
        try {
            return Repl.reader(ReplTerminal.open());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
