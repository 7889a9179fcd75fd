package dev.opsh.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EarlyStartTest {
    @TempDir
    Path dir;

    @Test
    void onlyACommandLineThatCanMeanNothingButTheReplStartsEarly() {
        assertThat(EarlyStart.ReplArgs.of(new String[0])).contains(new EarlyStart.ReplArgs(null));
        assertThat(EarlyStart.ReplArgs.of(new String[] {"-i", "prod"})).contains(new EarlyStart.ReplArgs("prod"));
        assertThat(EarlyStart.ReplArgs.of(new String[] {"--inventory", "lab"})).contains(new EarlyStart.ReplArgs("lab"));
        assertThat(EarlyStart.ReplArgs.of(new String[] {"--inventory=staging"})).contains(new EarlyStart.ReplArgs("staging"));

        assertThat(EarlyStart.ReplArgs.of(new String[] {"-e", "1+1"})).isEmpty();
        assertThat(EarlyStart.ReplArgs.of(new String[] {"lab", "up"})).isEmpty();
        assertThat(EarlyStart.ReplArgs.of(new String[] {"-i"})).isEmpty();
        assertThat(EarlyStart.ReplArgs.of(new String[] {"-i", "--help"})).isEmpty();
        assertThat(EarlyStart.ReplArgs.of(new String[] {"--inventory="})).isEmpty();
        assertThat(EarlyStart.ReplArgs.of(new String[] {"-i", "prod", "-e", "1"})).isEmpty();
        assertThat(EarlyStart.ReplArgs.of(new String[] {"--help"})).isEmpty();
    }

    @Test
    void aMalformedInventoryReadEarlyStopsTheReplWithItsPlaceAndExitTwo() throws Exception {
        Files.writeString(dir.resolve("broken.yml"), "environment: lab\nhosts:\n  a: [unclosed\n");

        Result result = replOnATerminal("-i", "broken");

        assertThat(result.exit).as(result.output).isEqualTo(2);
        assertThat(result.output).contains("broken.yml:").doesNotContain("Exception in thread");
    }

    @Test
    void anUnknownInventoryReadEarlyListsTheKnownOnes() throws Exception {
        Files.writeString(dir.resolve("lab.yml"), "environment: lab\n");

        Result result = replOnATerminal("--inventory=lba");

        assertThat(result.exit).as(result.output).isEqualTo(2);
        assertThat(result.output).contains("lba").contains("lab");
    }

    private record Result(int exit, String output) {}

    /** A real opsh process on a pseudo-terminal, as an operator starts it. */
    private Result replOnATerminal(String... args) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(OpshProcess.onATerminal(OpshProcess.shellQuote(OpshProcess.command(args))))
                .redirectErrorStream(true);
        OpshProcess.fixShell(builder.environment());
        builder.environment().put("NO_COLOR", "1");
        builder.environment().put("TERM", "xterm-256color");
        builder.environment().put("OPSH_INVENTORY_DIR", dir.toString());
        builder.environment().put("XDG_STATE_HOME", dir.resolve("state").toString());
        builder.environment().remove("INVENTORY");
        Process process = builder.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("opsh finished").isTrue();
        process.getOutputStream().close();
        return new Result(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }
}
