package dev.opsh.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsh.lab.Lab;
import dev.opsh.lab.LabExtension;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;

/**
 * The typed phrase comes from the controlling terminal and nowhere else: real opsh processes on the
 * drill inventory, against a throw-away lab's Redis. With the phrase piped on standard input and no
 * terminal, or from a script, the deletion is refused (exit 3) and the key stays; typed on a
 * terminal while standard input is /dev/null, it is accepted.
 */
class ConfirmationTerminalTest {
    private static final String KEY = "opsh:tty-test";

    @TempDir
    static Path dir;
    private static Lab victim;
    private static int redisPort;

    @BeforeAll
    static void victim() throws IOException {
        victim = LabExtension.victim(dir.resolve("lab"), "redis");
        redisPort = LabExtension.inventory(victim, "drill").service("redis").port();
        Path inventories = Files.createDirectories(dir.resolve("inventory"));
        Files.copy(LabExtension.repositoryRoot().resolve("inventory/drill.yml"), inventories.resolve("drill.yml"));
    }

    @AfterAll
    static void takeDown() {
        victim.down();
    }

    @BeforeEach
    void key() {
        try (Jedis jedis = new Jedis("127.0.0.1", redisPort)) {
            jedis.set(KEY, "x");
        }
    }

    private static boolean keyExists() {
        try (Jedis jedis = new Jedis("127.0.0.1", redisPort)) {
            return jedis.exists(KEY);
        }
    }

    @Test
    void thePhraseOnStandardInputWithoutATerminalIsRefused() throws Exception {
        Result result = run(List.of("setsid", "-w"), OpshProcess.command("-i", "drill", "-e", "del('" + KEY + "')"), "del " + KEY + "\n");

        assertThat(result.exit).as(result.output).isEqualTo(3);
        assertThat(result.output).contains("PROTECTED inventory drill").contains("refused:").contains("no phrase was typed");
        assertThat(keyExists()).isTrue();
    }

    @Test
    void aScriptCannotConfirmEither() throws Exception {
        Path script = dir.resolve("fix.groovy");
        Files.writeString(script, "del('" + KEY + "')\nprintln 'after'\n");
        Result result = run(List.of("setsid", "-w"), OpshProcess.command("run", "-i", "drill", script.toString()), "del " + KEY + "\n");

        assertThat(result.exit).as(result.output).isEqualTo(3);
        assertThat(result.output).contains("no phrase was typed").doesNotContain("after");
        assertThat(keyExists()).isTrue();
    }

    @Test
    void thePhraseTypedOnTheTerminalIsAcceptedWhileStandardInputIsDevNull() throws Exception {
        String command = OpshProcess.shellQuote(OpshProcess.command("-i", "drill", "-e", "del('" + KEY + "')")) + " < /dev/null";
        Result result = run(OpshProcess.onATerminal(command), List.of(), "del " + KEY + "\n");

        assertThat(result.exit).as(result.output).isZero();
        assertThat(result.output).contains("Type 'del " + KEY + "' to go ahead").contains("true");
        assertThat(keyExists()).isFalse();
    }

    @Test
    void aWrongPhraseTypedOnTheTerminalIsRefused() throws Exception {
        String command = OpshProcess.shellQuote(OpshProcess.command("-i", "drill", "-e", "del('" + KEY + "')")) + " < /dev/null";
        Result result = run(OpshProcess.onATerminal(command), List.of(), "DEL " + KEY + "\n");

        assertThat(result.exit).as(result.output).isEqualTo(3);
        assertThat(result.output).contains("not exactly 'del " + KEY + "'");
        assertThat(keyExists()).isTrue();
    }

    @Test
    void inTheReplThePhraseComesFromTheTerminalAndCtrlCAtThePhraseRefuses() throws Exception {
        Running repl = start(OpshProcess.onATerminal(OpshProcess.shellQuote(OpshProcess.command("-i", "drill"))));
        repl.await("Ctrl-D leaves");

        repl.type("del('" + KEY + "')\r");
        repl.await("Type 'del " + KEY + "' to go ahead");
        Thread.sleep(300);
        repl.type("\u0003");
        repl.await("interrupted while waiting for the phrase. Nothing was run.");
        assertThat(keyExists()).isTrue();

        repl.type("del('" + KEY + "')\r");
        repl.await("Type 'del " + KEY + "' to go ahead");
        repl.type("del " + KEY + "\r");
        repl.await("true");
        assertThat(keyExists()).isFalse();

        repl.type("/exit\r");
        assertThat(repl.process.waitFor(30, TimeUnit.SECONDS)).as(repl.output()).isTrue();
        assertThat(repl.process.exitValue()).as(repl.output()).isZero();
        assertThat(repl.output()).doesNotContain("cannot write the transcript");
        Matcher header = Pattern.compile("transcript (\\S+\\.jsonl)").matcher(repl.output());
        assertThat(header.find()).as("the session header names its transcript").isTrue();
        assertThat(Files.readString(Path.of(header.group(1)))).contains("\"decision\":\"REFUSED\"")
                .contains("\"decision\":\"CONFIRMED\"").doesNotContain("\"text\":\"del " + KEY + "\"");
    }

    private record Result(int exit, String output) {}

    private static Result run(List<String> prefix, List<String> command, String input) throws Exception {
        List<String> full = new ArrayList<>(prefix);
        full.addAll(command);
        Running running = start(full);
        running.type(input);
        assertThat(running.process.waitFor(120, TimeUnit.SECONDS)).as("opsh finished").isTrue();
        running.process.getOutputStream().close();
        return new Result(running.process.exitValue(), running.output());
    }

    /** An opsh process with the drill environment, its output collected as it comes. */
    private static Running start(List<String> command) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.remove("SKIP_BACKUP_FRESHNESS");
        env.put("CONFIRM_PROD", "1");
        env.put("NO_COLOR", "1");
        env.put("TERM", "xterm-256color");
        OpshProcess.fixShell(env);
        env.put("OPSH_LAB_DIR", victim.dir().toString());
        env.put("OPSH_INVENTORY_DIR", dir.resolve("inventory").toString());
        env.put("XDG_STATE_HOME", dir.resolve("state").toString());
        return new Running(builder.start());
    }

    private static final class Running {
        final Process process;
        private final StringBuffer output = new StringBuffer();
        private int seen;

        Running(Process process) {
            this.process = process;
            Thread reader = new Thread(() -> {
                byte[] buffer = new byte[8192];
                try (var in = process.getInputStream()) {
                    for (int n; (n = in.read(buffer)) >= 0; ) {
                        output.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                    }
                } catch (IOException ignored) {
                    // The process ended.
                }
            });
            reader.setDaemon(true);
            reader.start();
        }

        void type(String text) throws IOException {
            process.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
            process.getOutputStream().flush();
        }

        /** Waits until the output shows {@code expected} after what earlier waits consumed. */
        void await(String expected) throws InterruptedException {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < end) {
                int at = output.indexOf(expected, seen);
                if (at >= 0) {
                    seen = at + expected.length();
                    return;
                }
                Thread.sleep(50);
            }
            throw new AssertionError("never showed '" + expected + "'; the output is:\n" + output);
        }

        String output() throws InterruptedException {
            Thread.sleep(200);
            return output.toString();
        }
    }
}
