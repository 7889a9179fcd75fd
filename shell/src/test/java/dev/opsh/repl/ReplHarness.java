package dev.opsh.repl;

import dev.opsh.dsl.OpsContext;
import dev.opsh.dsl.Provisioner;
import dev.opsh.dsl.SessionEvents;
import dev.opsh.engine.Evaluator;
import dev.opsh.inventory.Inventory;
import dev.opsh.inventory.InventoryLoader;
import dev.opsh.inventory.Placeholders;
import dev.opsh.inventory.Secrets;
import dev.opsh.render.Screen;
import dev.opsh.render.ValueRenderer;
import dev.opsh.render.WatchView;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.ExternalTerminal;

/**
 * Drives a real REPL through a terminal over in-memory streams, as JShell's ReplToolTesting and
 * JLine's terminal tests do. Assertions read the screen as text, without ANSI sequences.
 */
final class ReplHarness implements AutoCloseable {
    static final String INVENTORY = """
            environment: staging
            hosts:
              web1: {address: 127.0.0.1, user: ops}
              db1: {address: 127.0.0.2, user: ops}
            groups:
              web: [web1]
            services:
              redis: {type: redis, host: web1, port: 6379}
              rabbitmq: {type: rabbitmq, host: db1, port: 5672}
            """;

    private final PipedOutputStream keys = new PipedOutputStream();
    private final ByteArrayOutputStream screen = new ByteArrayOutputStream();
    private final Terminal terminal;
    final Session session;
    final Repl repl;
    private final CompletableFuture<Void> loop;

    ReplHarness(Path dir) throws IOException {
        // An in-process line discipline (not a pty), so Ctrl-C typed here raises SIGINT in this JVM as on a real tty.
        terminal = new ExternalTerminal("test", "xterm-256color", new PipedInputStream(keys, 1 << 16), screen, StandardCharsets.UTF_8);
        terminal.setSize(new Size(160, 50));
        Screen screen = new Screen(terminal.writer(), terminal.writer(), terminal, true);
        TerminalEvents events = new TerminalEvents(screen, terminal, new WatchView(new ValueRenderer(java.util.TimeZone.getTimeZone("UTC"))), Recorder.NONE);
        Inventory inventory = inventory(dir);
        session = new Session(inventory, new Evaluator(new OpsContext(inventory, new Secrets(k -> null), events, Provisioner.NONE)),
                screen, OutputMode.TEXT, events, Recorder.NONE);
        repl = new Repl(session, terminal, dir.resolve("history"));
        loop = CompletableFuture.runAsync(repl::run);
        try {
            awaitAfter(0, PROMPT, Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            throw new IOException(e);
        }
    }

    static Inventory inventory(Path dir) throws IOException {
        Path file = dir.resolve("staging.yml");
        if (!Files.exists(file)) {
            Files.writeString(file, INVENTORY);
        }
        return new InventoryLoader(Placeholders.NONE).load(file);
    }

    static OpsContext context(Inventory inventory) {
        return new OpsContext(inventory, new Secrets(k -> null), SessionEvents.NONE, Provisioner.NONE);
    }

    void type(String text) throws IOException {
        keys.write(text.getBytes(StandardCharsets.UTF_8));
        keys.flush();
    }

    /** Everything on the screen so far, as plain text. */
    String text() {
        return ANSI.matcher(screen.toString(StandardCharsets.UTF_8)).replaceAll("").replace("\r", "");
    }

    private static final java.util.regex.Pattern ANSI =
            java.util.regex.Pattern.compile("\u001b(\\[[0-9;?]*[ -/]*[@-~]|\\][^\u0007]*\u0007|[=>()][0-9A-Za-z]?)");

    /** Waits until the screen shows {@code expected} after what it showed at {@code from}. */
    String awaitAfter(int from, String expected, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            String text = text();
            if (text.length() > from && text.substring(from).contains(expected)) {
                return text.substring(from);
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the screen never showed '" + expected + "'; it shows:\n" + text().substring(Math.min(from, text().length())));
    }

    /** Types one line and waits for the next prompt; returns what was shown in between. */
    String enter(String line) throws Exception {
        // Type only at an idle prompt, so that what came before (an error line, a redraw) is not read as output.
        long idle = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!text().endsWith(PROMPT) && System.nanoTime() < idle) {
            Thread.sleep(20);
        }
        int from = text().length();
        type(line + "\r");
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < end) {
            String shown = text().substring(from);
            int echo = shown.indexOf('\n');
            if (echo >= 0 && shown.endsWith(PROMPT) && shown.lastIndexOf(PROMPT) > echo) {
                return shown.substring(echo + 1, shown.lastIndexOf(PROMPT)).strip();
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no prompt came back after '" + line + "'; the screen shows:\n" + text().substring(from));
    }

    private static final String PROMPT = " staging  > ";

    boolean finished() {
        return loop.isDone();
    }

    @Override
    public void close() throws Exception {
        if (!loop.isDone()) {
            type("/exit\r");
        }
        loop.get(5, java.util.concurrent.TimeUnit.SECONDS);
        terminal.close();
    }
}
