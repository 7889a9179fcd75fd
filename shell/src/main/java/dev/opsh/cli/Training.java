package dev.opsh.cli;

import java.util.Map;

/**
 * The launcher's training run, which records the classes a start-up loads into a class-data
 * archive (an AOT cache on JDK 24 and later): one JVM goes through the three ways opsh starts, so
 * the archive holds all of them. picocli parses {@code --version} with every subcommand's model,
 * {@code -e} evaluates an expression (compiled, then from the store of compiled inputs), and the REPL then reads the lines the launcher types on its
 * pseudo-terminal until {@code /exit}. Not a command for operators.
 */
public final class Training {
    private Training() {}

    /** @param args the inventory to train on */
    public static void main(String[] args) {
        Map<String, String> env = System.getenv();
        String inventory = args[0];
        Main.execute(new String[] {"--version"}, env);
        // Twice: compiled the first time, from the store of compiled inputs the second.
        Main.execute(new String[] {"-i", inventory, "-e", "[[a: 1]].collect { it.a * 2 }"}, env);
        Main.execute(new String[] {"-i", inventory, "-e", "[[a: 1]].collect { it.a * 2 }"}, env);
        System.exit(Main.execute(new String[] {"-i", inventory}, env));
    }
}
