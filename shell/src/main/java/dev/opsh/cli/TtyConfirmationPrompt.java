package dev.opsh.cli;

import dev.opsh.guard.ConfirmationPrompt;
import dev.opsh.guard.Preview;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;
import org.jline.terminal.Terminal;

/**
 * The guard's questions on the controlling terminal: {@code /dev/tty} is opened for every question,
 * so standard input is never read and a piped or redirected script cannot answer. Without a
 * controlling terminal (cron, CI, {@code setsid}, ssh without {@code -t}) there is nobody to answer
 * and every question gets null, which the guard refuses. Reading is interruptible: Ctrl-C in the
 * REPL interrupts the evaluation thread, which closes the channel and ends the wait.
 */
public final class TtyConfirmationPrompt implements ConfirmationPrompt {
    /** The controlling terminal of the process, whatever its standard streams are. */
    public static final Path CONTROLLING_TERMINAL = Path.of("/dev/tty");
    /** A line longer than this is not a phrase anyone typed; the read stops and the answer is refused. */
    static final int MAX_LINE = 1024;

    private final Path tty;
    private final Consumer<String> fallback;
    private final Terminal jline;

    /**
     * @param fallback where preview lines go when there is no terminal, so the refusal that follows
     *     is explained wherever the output goes
     * @param jline the REPL's terminal, paused while the phrase is read so that it does not take the
     *     keystrokes; null outside the REPL
     */
    public TtyConfirmationPrompt(Path tty, Consumer<String> fallback, Terminal jline) {
        this.tty = tty;
        this.fallback = fallback;
        this.jline = jline;
    }

    @Override
    public void show(Preview preview) {
        String text = String.join("\n", preview.lines()) + "\n";
        try (FileChannel channel = FileChannel.open(tty, StandardOpenOption.WRITE)) {
            write(channel, text);
        } catch (IOException e) {
            preview.lines().forEach(fallback);
        }
    }

    @Override
    public String readLine(String prompt) {
        boolean pause = jline != null && jline.canPauseResume();
        if (pause) {
            jline.pause();
        }
        try (FileChannel channel = FileChannel.open(tty, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            write(channel, prompt);
            return line(channel);
        } catch (ClosedByInterruptException e) {
            return null;
        } catch (IOException e) {
            return null;
        } finally {
            if (pause) {
                jline.resume();
            }
        }
    }

    /** One line up to its newline, without it (and without a carriage return before it); null at end of input. */
    private static String line(FileChannel channel) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        ByteBuffer one = ByteBuffer.allocate(1);
        while (true) {
            one.clear();
            if (channel.read(one) < 0) {
                return null;
            }
            if (one.position() == 0) {
                continue;
            }
            byte b = one.get(0);
            if (b == '\n') {
                String text = line.toString(StandardCharsets.UTF_8);
                return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
            }
            if (line.size() >= MAX_LINE) {
                return null;
            }
            line.write(b);
        }
    }

    private static void write(FileChannel channel, String text) throws IOException {
        ByteBuffer bytes = StandardCharsets.UTF_8.encode(text);
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
    }
}
