package dev.opsh.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher's training run goes through picocli, {@code -e} and the REPL in one JVM, and ends with the REPL. */
class TrainingTest {
    @TempDir
    Path dir;

    @Test
    void oneJvmParsesEvaluatesAndRunsTheReplUntilExit() throws Exception {
        Files.writeString(dir.resolve("lab.yml"), "environment: lab\nhosts:\n  l: {address: 127.0.0.1}\n");
        List<String> command = new ArrayList<>(OpshProcess.command());
        command.set(command.size() - 1, Training.class.getName());
        command.add("lab");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("NO_COLOR", "1");
        builder.environment().put("OPSH_INVENTORY_DIR", dir.toString());
        builder.environment().put("XDG_STATE_HOME", dir.resolve("state").toString());
        builder.environment().remove("INVENTORY");
        Process process = builder.start();
        process.getOutputStream().write("21 * 2\n/exit\n".getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("training finished").isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("opsh ").contains("[2]\n[2]").contains("42");
        try (var transcripts = Files.walk(dir.resolve("state"))) {
            assertThat(transcripts.filter(p -> p.toString().endsWith(".jsonl"))).as("two -e and a REPL transcript").hasSize(3);
        }
        try (var compiled = Files.list(dir.resolve("state/opsh/compiled"))) {
            assertThat(compiled).as("the -e expression, compiled once and then taken from the store; never the REPL's input").hasSize(1);
        }
    }
}
