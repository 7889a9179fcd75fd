package dev.opsh.cli;

import dev.opsh.repl.OutputMode;
import picocli.CommandLine.Option;

/** The options every session-opening command shares: which inventory, how results print, colour. */
public final class ShellOptions {
    @Option(names = {"-i", "--inventory"}, paramLabel = "NAME",
            description = "inventory to bind the session to (default: $INVENTORY, else lab)")
    String inventory;

    @Option(names = "--output", paramLabel = "text|json", defaultValue = "text",
            description = "how results print: text for people, json for scripts (default: ${DEFAULT-VALUE})")
    OutputMode output = OutputMode.TEXT;

    @Option(names = "--no-color", description = "no colours (NO_COLOR in the environment does the same)")
    boolean noColor;

    @Option(names = "--no-transcript", description = "do not record this session (refused on protected inventories)")
    boolean noTranscript;

    /** The options of a command line that gives only {@code -i}: picocli's defaults for the rest. */
    static ShellOptions inventory(String inventory) {
        ShellOptions options = new ShellOptions();
        options.inventory = inventory;
        return options;
    }
}
