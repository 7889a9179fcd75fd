package dev.opsh.lab;

import dev.opsh.ExitCode;
import dev.opsh.OpshException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** Runs the lab's helper programs (labctl, initdb, ssh-keygen, apt-get) with a deadline. */
final class ProcessRunner {
    private ProcessRunner() {}

    /**
     * Runs {@code command} and returns its output (stdout and stderr together).
     *
     * @param what how an operator would name the step, for the error message
     */
    static String run(String what, Duration timeout, List<String> command) {
        Path output = null;
        try {
            output = Files.createTempFile("opsh-lab-", ".out");
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
            boolean exited = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!exited) {
                process.destroyForcibly();
                throw new OpshException(ExitCode.FAILURE, what + " did not finish within " + timeout.toSeconds() + " s: " + String.join(" ", command));
            }
            String text = Files.readString(output, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new OpshException(ExitCode.FAILURE, what + " failed (exit " + process.exitValue() + "): " + lastLines(text));
            }
            return text;
        } catch (IOException e) {
            throw new OpshException(ExitCode.FAILURE, what + ": cannot run " + command.get(0) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OpshException(ExitCode.FAILURE, what + " was interrupted", e);
        } finally {
            deleteQuietly(output);
        }
    }

    /** Runs {@code command}, handing each line of its output to {@code lines} as it comes; returns the exit code. */
    static int stream(String what, Duration timeout, List<String> command, Consumer<String> lines) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            Process process = builder.start();
            Thread reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line = in.readLine(); line != null; line = in.readLine()) {
                        lines.accept(line);
                    }
                } catch (IOException ignored) {
                    // The process went away; its exit code tells the rest.
                }
            }, "opsh-lab-output");
            reader.setDaemon(true);
            reader.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new OpshException(ExitCode.FAILURE, what + " did not finish within " + timeout.toMinutes() + " min: " + String.join(" ", command));
            }
            reader.join(TimeUnit.SECONDS.toMillis(5));
            return process.exitValue();
        } catch (IOException e) {
            throw new OpshException(ExitCode.FAILURE, what + ": cannot run " + command.get(0) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OpshException(ExitCode.FAILURE, what + " was interrupted", e);
        }
    }

    /** The last non-blank lines of some output, joined into one line. */
    static String lastLines(String text) {
        List<String> lines = text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        List<String> tail = lines.subList(Math.max(0, lines.size() - 3), lines.size());
        return tail.isEmpty() ? "no output" : String.join(" / ", tail);
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // A temporary file; the OS cleans /tmp.
        }
    }
}
