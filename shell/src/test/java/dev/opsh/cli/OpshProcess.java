package dev.opsh.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The command lines of real opsh processes for tests: a fresh JVM on the test class path, optionally on a pseudo-terminal. */
final class OpshProcess {
    private OpshProcess() {}

    /** {@code opsh args...} as a fresh JVM running {@link Main}. */
    static List<String> command(String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                Main.class.getName()));
        command.addAll(List.of(args));
        return command;
    }

    /**
     * {@code shellCommand} on a new pseudo-terminal, under {@code script}, which runs it with
     * {@code $SHELL -c}. Put {@link #fixShell} in the environment too: {@code exec} replaces the
     * shell with opsh, since dash does not exec a lone command by itself, and a shell left waiting
     * in the foreground process group dies of the Ctrl-C meant for opsh, which {@code script -e}
     * then reports as the exit status.
     */
    static List<String> onATerminal(String shellCommand) {
        return List.of("script", "-qfec", "exec " + shellCommand, "/dev/null");
    }

    /** The shell {@link #onATerminal} runs its command with, the same on every machine. */
    static void fixShell(Map<String, String> environment) {
        environment.put("SHELL", "/bin/sh");
    }

    static String shellQuote(List<String> words) {
        return String.join(" ", words.stream().map(w -> "'" + w.replace("'", "'\\''") + "'").toList());
    }
}
