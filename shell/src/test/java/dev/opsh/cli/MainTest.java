package dev.opsh.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command line as a script sees it: output, errors and exit codes. */
class MainTest {
    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {}

    private Run run(Map<String, String> env, String... args) throws IOException {
        Files.writeString(dir.resolve("lab.yml"), "environment: lab\nhosts:\n  l: {address: 127.0.0.1}\n");
        Files.writeString(dir.resolve("staging.yml"), "environment: staging\n");
        Map<String, String> withDir = new java.util.HashMap<>(env);
        withDir.put("OPSH_INVENTORY_DIR", dir.toString());
        withDir.put("XDG_STATE_HOME", dir.resolve("state").toString());
        CommandLine cli = Main.commandLine(withDir);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void aCtrlCThatNothingAskedForIsIgnoredByTheRepl() throws IOException {
        try (org.jline.terminal.Terminal terminal = ReplTerminal.open()) {
            var noHandler = terminal.handle(org.jline.terminal.Terminal.Signal.INT, signal -> {});
            assertThat(noHandler).isSameAs(org.jline.terminal.Terminal.SignalHandler.SIG_IGN);
        }
    }

    @Test
    void evalPrintsTheResultAndExitsZero() throws IOException {
        Run r = run(Map.of(), "-e", "1 + 1");
        assertThat(r.exit()).isZero();
        assertThat(r.out().strip()).isEqualTo("2");
    }

    @Test
    void theInventoryComesFromTheOptionThenTheEnvironmentThenLab() throws IOException {
        assertThat(run(Map.of(), "-e", "inventory.environment").out().strip()).isEqualTo("lab");
        assertThat(run(Map.of("INVENTORY", "staging"), "-e", "inventory.environment").out().strip()).isEqualTo("staging");
        assertThat(run(Map.of("INVENTORY", "staging"), "-i", "lab", "-e", "inventory.environment").out().strip()).isEqualTo("lab");
    }

    @Test
    void anUnknownInventoryExitsTwoAndListsTheKnownOnes() throws IOException {
        Run r = run(Map.of(), "-i", "prd", "-e", "1");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("unknown inventory 'prd'", "lab, staging");
    }

    @Test
    void aFailingExpressionExitsOneWithOneLineOnStandardError() throws IOException {
        Run r = run(Map.of(), "-e", "throw new IllegalStateException('disk full')");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().strip()).isEqualTo("IllegalStateException: disk full");
    }

    @Test
    void jsonOutputIsForScripts() throws IOException {
        Run r = run(Map.of(), "--output", "json", "-e", "[[name: 'transcode_jobs', ready: 3, age: 90.seconds]]");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("\"name\" : \"transcode_jobs\"", "\"ready\" : 3", "\"age\" : \"PT1M30S\"");
    }

    @Test
    void usageErrorsExitTwoAndHelpListsTheExitCodes() throws IOException {
        assertThat(run(Map.of(), "--bogus").exit()).isEqualTo(2);
        assertThat(run(Map.of(), "--output", "xml", "-e", "1").exit()).isEqualTo(2);
        Run help = run(Map.of(), "--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("Exit codes:", "3   refused by the prod guard", "--inventory", "--eval", "--no-color");
    }

    @Test
    void runExecutesAScriptWithItsArgumentsAndExitCodes() throws IOException {
        Path ok = dir.resolve("ok.groovy");
        Files.writeString(ok, "def who = args[0]\n\"checked ${args.length} queues for ${who} on ${inventory.name}\"\n");
        Run r = run(Map.of(), "run", ok.toString(), "alice", "x", "-i", "staging");
        assertThat(r.exit()).isZero();
        assertThat(r.out().strip()).isEqualTo("checked 2 queues for alice on staging");

        Path failing = dir.resolve("failing.groovy");
        Files.writeString(failing, "assert 1 == 2 : 'the queue is not draining'\n");
        Run failed = run(Map.of(), "run", failing.toString());
        assertThat(failed.exit()).isEqualTo(1);
        assertThat(failed.err()).contains("the queue is not draining");

        Run missing = run(Map.of(), "run", dir.resolve("nope.groovy").toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("no such script");

        Path broken = dir.resolve("broken.groovy");
        Files.writeString(broken, "def x = (1 +\n");
        assertThat(run(Map.of(), "run", broken.toString()).exit()).isEqualTo(1);
    }

    @Test
    void noColorWhenOutputIsNotATerminal() throws IOException {
        assertThat(run(Map.of(), "-e", "[[a: 1], [a: 2]]").out()).doesNotContain("\u001b[");
    }
}
