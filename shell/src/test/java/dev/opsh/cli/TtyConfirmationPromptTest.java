package dev.opsh.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsh.guard.GuardedAction;
import dev.opsh.guard.Preview;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The terminal side of the prompt over a named pipe standing in for {@code /dev/tty}: a blocking
 * device the prompt opens by path, as it opens the terminal. A pipe echoes what is written to it,
 * so these questions have an empty prompt; the real terminal is exercised in ConfirmationTerminalTest.
 */
class TtyConfirmationPromptTest {
    @TempDir
    Path dir;
    private Path fifo;
    private final List<String> fallback = new ArrayList<>();

    @BeforeEach
    void fifo() throws Exception {
        fifo = dir.resolve("tty");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
    }

    private void type(String text) throws Exception {
        try (RandomAccessFile tty = new RandomAccessFile(fifo.toFile(), "rw")) {
            tty.write(text.getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void readsOneLineWithoutItsLineEnd() throws Exception {
        TtyConfirmationPrompt prompt = new TtyConfirmationPrompt(fifo, fallback::add, null);
        CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> prompt.readLine(""));
        Thread.sleep(200);
        type("KILL-PROD\r\nmore\n");

        assertThat(line.get(10, TimeUnit.SECONDS)).isEqualTo("KILL-PROD");
    }

    @Test
    void ctrlCInterruptingTheWaitGivesNoAnswer() throws Exception {
        TtyConfirmationPrompt prompt = new TtyConfirmationPrompt(fifo, fallback::add, null);
        Thread[] reader = new Thread[1];
        CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> {
            reader[0] = Thread.currentThread();
            return prompt.readLine("");
        });
        Thread.sleep(300);
        reader[0].interrupt();

        assertThat(line.get(10, TimeUnit.SECONDS)).isNull();
    }

    @Test
    void aLineLongerThanAnyPhraseGivesNoAnswer() throws Exception {
        TtyConfirmationPrompt prompt = new TtyConfirmationPrompt(fifo, fallback::add, null);
        CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> prompt.readLine(""));
        Thread.sleep(200);
        type("x".repeat(TtyConfirmationPrompt.MAX_LINE + 10) + "\n");

        assertThat(line.get(10, TimeUnit.SECONDS)).isNull();
    }

    @Test
    void withoutATerminalThereIsNoAnswerAndThePreviewGoesToTheFallback() {
        TtyConfirmationPrompt prompt = new TtyConfirmationPrompt(dir.resolve("no-such-tty"), fallback::add, null);
        GuardedAction action = GuardedAction.of("purge").subject("q").command("AMQP queue.purge 'q'").messagesLost(3).build();

        prompt.show(new Preview("drill", "drill", true, action, null));

        assertThat(prompt.readLine("")).isNull();
        assertThat(fallback).first().asString().startsWith("PROTECTED inventory drill");
        assertThat(fallback).anySatisfy(l -> assertThat(l).contains("loses:   3 messages"));
    }
}
