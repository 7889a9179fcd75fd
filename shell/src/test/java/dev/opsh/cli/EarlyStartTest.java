package dev.opsh.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

class EarlyStartTest {
    @TempDir
    Path dir;

    @Test
    void onlyACommandLineOfInventoryAndExpressionStartsEarly() {
        assertThat(simple()).contains(new EarlyStart.SimpleArgs(null, null));
        assertThat(simple("-i", "prod")).contains(new EarlyStart.SimpleArgs("prod", null));
        assertThat(simple("--inventory", "lab")).contains(new EarlyStart.SimpleArgs("lab", null));
        assertThat(simple("--inventory=staging")).contains(new EarlyStart.SimpleArgs("staging", null));
        assertThat(simple("-e", "1+1")).contains(new EarlyStart.SimpleArgs(null, "1+1"));
        assertThat(simple("-i", "prod", "--eval", "health()")).contains(new EarlyStart.SimpleArgs("prod", "health()"));
        assertThat(simple("--eval=a == b", "--inventory=x")).contains(new EarlyStart.SimpleArgs("x", "a == b"));

        assertThat(simple("lab", "up")).isEmpty();
        assertThat(simple("-i")).isEmpty();
        assertThat(simple("-e")).isEmpty();
        assertThat(simple("-i", "--help")).isEmpty();
        assertThat(simple("--inventory=")).isEmpty();
        assertThat(simple("-e", "")).isEmpty();
        assertThat(simple("-e", "-1")).isEmpty();
        assertThat(simple("-e", "@args.txt")).isEmpty();
        assertThat(simple("-i", "a", "-i", "b")).isEmpty();
        assertThat(simple("-e", "1", "-e", "2")).isEmpty();
        assertThat(simple("-i", "prod", "-e", "1", "--output", "json")).isEmpty();
        assertThat(simple("--no-color")).isEmpty();
        assertThat(simple("--help")).isEmpty();
        assertThat(simple("-ilab")).isEmpty();
    }

    @Test
    void aCommandLineStartedEarlyMeansWhatPicocliWouldParse() {
        for (String[] args : List.of(new String[0], new String[] {"-i", "prod"}, new String[] {"--inventory", "lab"},
                new String[] {"--inventory=staging"}, new String[] {"-e", "1 + 1"}, new String[] {"--eval=a=b", "-i", "lab"},
                new String[] {"-i", "prod", "--eval", "health()"}, new String[] {"-e", "'-x'"})) {
            CommandLine cli = Main.commandLine(Map.of());
            ParseResult parsed = cli.parseArgs(args);
            Main main = cli.getCommand();
            EarlyStart.SimpleArgs simple = EarlyStart.SimpleArgs.of(args).orElseThrow();

            assertThat(parsed.subcommand()).as(String.join(" ", args)).isNull();
            assertThat(simple.eval()).as(String.join(" ", args)).isEqualTo(main.eval);
            assertThat(ShellOptions.inventory(simple.inventory())).as(String.join(" ", args))
                    .usingRecursiveComparison().isEqualTo(main.options);
        }
    }

    private static java.util.Optional<EarlyStart.SimpleArgs> simple(String... args) {
        return EarlyStart.SimpleArgs.of(args);
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

    @Test
    void anExpressionStartedEarlyPrintsItsResultAndFailsAsPicocliWould() throws Exception {
        Files.writeString(dir.resolve("lab.yml"), "environment: lab\nhosts:\n  l: {address: 127.0.0.1}\n");
        Files.writeString(dir.resolve("broken.yml"), "environment: lab\nhosts:\n  a: [unclosed\n");

        Result ok = plain("-i", "lab", "-e", "[1, 2].sum() + inventory.hosts.size()");
        Result wrong = plain("--eval=nosuchVerb()");
        Result broken = plain("-e", "1", "-i", "broken");

        assertThat(ok.exit).as(ok.output).isZero();
        assertThat(ok.output.strip()).isEqualTo("4");
        assertThat(wrong.exit).as(wrong.output).isEqualTo(1);
        assertThat(wrong.output).contains("nosuchVerb").doesNotContain("\tat ");
        assertThat(broken.exit).as(broken.output).isEqualTo(2);
        assertThat(broken.output).contains("broken.yml:4:1: not valid YAML").doesNotContain("Exception in thread");
    }

    @Test
    void anExpressionRunAgainComesFromTheStoreOfCompiledInputsAndASyntaxErrorIsReportedOnce() throws Exception {
        Files.writeString(dir.resolve("lab.yml"), "environment: lab\nhosts:\n  l: {address: 127.0.0.1}\n");
        String expression = "def tripled = [1, 2].collect { it * 3 }; tripled + inventory.hosts.size()";

        Result compiled = plain("-i", "lab", "-e", expression);
        Result stored = plain("-i", "lab", "-e", expression);
        Result syntax = plain("-i", "lab", "-e", "1 + )");
        Result secret = plain("-i", "lab", "-e", "def url = 'postgres://opsh:S3cretPW@db:5432/x'; url.size()");

        assertThat(compiled.exit).as(compiled.output).isZero();
        assertThat(stored.exit).as(stored.output).isZero();
        assertThat(stored.output).isEqualTo(compiled.output).contains("3").contains("6").contains("1");
        assertThat(secret.exit).as(secret.output).isZero();
        try (var entries = Files.list(dir.resolve("state/opsh/compiled"))) {
            assertThat(entries).as("the expression's compiled classes, kept once; never an input the transcript masks")
                    .hasSize(1)
                    .allSatisfy(entry -> assertThat(new String(Files.readAllBytes(entry), StandardCharsets.ISO_8859_1))
                            .doesNotContain("S3cretPW"));
        }
        assertThat(syntax.exit).as(syntax.output).isEqualTo(1);
        assertThat(syntax.output.strip().lines()).as(syntax.output).hasSize(1);
        assertThat(syntax.output).contains("line 1, column").doesNotContain("\tat ");
    }

    private record Result(int exit, String output) {}

    /** A real opsh process with no terminal, as a script starts it. */
    private Result plain(String... args) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(OpshProcess.command(args)).redirectErrorStream(true);
        environment(builder);
        Process process = builder.start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("opsh finished").isTrue();
        return new Result(process.exitValue(), output);
    }

    private void environment(ProcessBuilder builder) {
        builder.environment().put("NO_COLOR", "1");
        builder.environment().put("OPSH_INVENTORY_DIR", dir.toString());
        builder.environment().put("XDG_STATE_HOME", dir.resolve("state").toString());
        builder.environment().remove("INVENTORY");
    }

    /** A real opsh process on a pseudo-terminal, as an operator starts it. */
    private Result replOnATerminal(String... args) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(OpshProcess.onATerminal(OpshProcess.shellQuote(OpshProcess.command(args))))
                .redirectErrorStream(true);
        OpshProcess.fixShell(builder.environment());
        environment(builder);
        builder.environment().put("TERM", "xterm-256color");
        Process process = builder.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("opsh finished").isTrue();
        process.getOutputStream().close();
        return new Result(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }
}
