package dev.opsh.repl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jline.reader.Candidate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplTest {
    @TempDir
    Path dir;

    @Test
    void variablesAndMethodsPersistAcrossLines() throws Exception {
        try (ReplHarness repl = new ReplHarness(dir)) {
            assertThat(repl.enter("def x = 41")).isEqualTo("41");
            assertThat(repl.enter("x + 1")).isEqualTo("42");
            repl.enter("int twice(int n) { n * 2 }");
            assertThat(repl.enter("twice(x)")).isEqualTo("82");
            assertThat(repl.enter("/vars")).contains("x", "Integer", "41", "twice()");
        }
    }

    @Test
    void anOpenBraceContinuesOnTheNextLine() throws Exception {
        try (ReplHarness repl = new ReplHarness(dir)) {
            repl.type("def total = [1, 2, 3].sum {\r");
            repl.type("  it * 10\r");
            assertThat(repl.enter("}")).contains("60");
            assertThat(repl.text()).contains("... ");
            assertThat(repl.enter("total")).isEqualTo("60");
        }
    }

    @Test
    void anErrorIsOneLineAndTheSessionGoesOn() throws Exception {
        try (ReplHarness repl = new ReplHarness(dir)) {
            repl.enter("def kept = 'still here'");
            assertThat(repl.enter("1 / 0")).isEqualTo("ArithmeticException: Division by zero");
            assertThat(repl.enter("kept")).isEqualTo("still here");
            assertThat(repl.enter("/trace")).contains("java.lang.ArithmeticException", "at ");
            assertThat(repl.enter("keptt")).isEqualTo("unknown name 'keptt'; did you mean 'kept'?");
        }
    }

    @Test
    void ctrlCStopsABusyLoopAndKeepsTheSession() throws Exception {
        try (ReplHarness repl = new ReplHarness(dir)) {
            repl.enter("def before = 7");
            int from = repl.text().length();
            repl.type("while (true) { before.hashCode() }\r");
            Thread.sleep(700);
            long pressed = System.nanoTime();
            repl.type("\u0003");
            repl.awaitAfter(from, "interrupted", Duration.ofSeconds(5));
            assertThat(Duration.ofNanos(System.nanoTime() - pressed)).isLessThan(Duration.ofSeconds(1));
            assertThat(repl.enter("before + 1")).isEqualTo("8");
            assertThat(repl.finished()).isFalse();
        }
    }

    @Test
    void ctrlCStopsASleep() throws Exception {
        try (ReplHarness repl = new ReplHarness(dir)) {
            int from = repl.text().length();
            repl.type("Thread.sleep(60_000)\r");
            Thread.sleep(500);
            repl.type("\u0003");
            repl.awaitAfter(from, "interrupted", Duration.ofSeconds(2));
            assertThat(repl.enter("1 + 1")).isEqualTo("2");
        }
    }

    @Test
    void watchRedrawsUntilCtrlC() throws Exception {
        try (ReplHarness repl = new ReplHarness(dir)) {
            repl.enter("def depth = 1000");
            int from = repl.text().length();
            repl.type("watch(100.millis) { depth -= 100; [[name: 'transcode_jobs', ready: depth]] }\r");
            repl.awaitAfter(from, "tick 1", Duration.ofSeconds(10));
            Thread.sleep(500);
            repl.type("\u0003");
            String shown = repl.awaitAfter(from, "staging  > ", Duration.ofSeconds(5));
            assertThat(shown).contains("transcode_jobs", "-100", "ready trend", "to zero");
            assertThat(repl.enter("depth < 700")).isEqualTo("true");
        }
    }

    @Test
    void ctrlCCancelsAnInputStillWaitingForTheCompiler() throws Exception {
        try (ReplHarness repl = new ReplHarness(dir)) {
            // The first input queues behind the warm-up; Ctrl-C at once must still stop it.
            int from = repl.text().length();
            repl.type("Thread.sleep(60_000)\r");
            Thread.sleep(100);
            repl.type("\u0003");
            repl.awaitAfter(from, "interrupted", Duration.ofSeconds(5));
            assertThat(repl.enter("1 + 1")).isEqualTo("2");
        }
    }

    @Test
    void historyMasksPasswords() throws Exception {
        try (ReplHarness repl = new ReplHarness(dir)) {
            repl.enter("def url = 'amqp://opsh:hunter2-canary@mq1:5672/'");
            repl.enter("/history");
        }
        String history = Files.readString(dir.resolve("history"));
        assertThat(history).contains("amqp://opsh:").doesNotContain("hunter2-canary");
    }

    @Test
    void saveThenLoadReplaysTheSuccessfulInputs() throws Exception {
        Path script = dir.resolve("saved.groovy");
        try (ReplHarness repl = new ReplHarness(dir)) {
            repl.enter("def queueNames = ['transcode_jobs', 'dmca_propagation']");
            repl.enter("nosuchthing");
            repl.enter("def longest = queueNames.max { it.size() }");
            assertThat(repl.enter("/save " + script)).contains("saved 2 inputs");
        }
        assertThat(Files.readString(script)).contains("inventory 'staging'", "def longest").doesNotContain("nosuchthing");
        try (ReplHarness repl = new ReplHarness(dir)) {
            repl.enter("/load " + script);
            assertThat(repl.enter("longest")).isEqualTo("dmca_propagation");
        }
    }

    @Test
    void commandsTakePrefixesAndSuggestNames() throws Exception {
        try (ReplHarness repl = new ReplHarness(dir)) {
            assertThat(repl.enter("/inv")).contains("staging", "web1", "redis");
            assertThat(repl.enter("/hepl")).isEqualTo("unknown command '/hepl'; did you mean '/help'?");
            assertThat(repl.enter("/help inventory")).contains("inventory", "READ", "example");
        }
    }

    @Test
    void completionOffersInventoryNamesInsideStrings() throws Exception {
        try (ReplHarness repl = new ReplHarness(dir)) {
            assertThat(complete(repl, "ssh('re")).contains("redis");
            assertThat(complete(repl, "ssh('")).contains("redis", "rabbitmq", "web1", "db1", "web");
            repl.enter("def q = [name: 'x']");
            assertThat(complete(repl, "q")).contains("q", "inventory");
            assertThat(complete(repl, "inventory.serv")).contains("services", "service(");
            assertThat(complete(repl, "/")).contains("/help", "/save", "/exit");
        }
    }

    private static List<String> complete(ReplHarness repl, String line) {
        List<Candidate> candidates = new ArrayList<>();
        var reader = repl.repl.reader();
        repl.repl.completer().complete(reader, reader.getParser().parse(line, line.length()), candidates);
        return candidates.stream().map(Candidate::value).toList();
    }
}
