package dev.opsh.repl;

import dev.opsh.ExitCode;
import dev.opsh.repl.ReplCommand.Outcome;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import dev.opsh.transcript.Redactor;
import org.jline.reader.EndOfFileException;
import org.jline.reader.History;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultHighlighter;
import org.jline.reader.impl.LineReaderImpl;
import org.jline.terminal.Terminal;
import org.jline.terminal.Terminal.Signal;
import org.jline.terminal.Terminal.SignalHandler;

/**
 * The interactive loop, in the JShell tool's shape: {@link #run} reads inputs with
 * {@link #readInput}, and {@link #process} sends each to a {@code /command} or to the engine.
 * Evaluations run on a worker thread so Ctrl-C can stop them and keep the session.
 */
public final class Repl {
    /** How long a cancelled evaluation may take to stop before the prompt comes back without it. */
    private static final long ABANDON_AFTER_MS = 2000;
    /**
     * How long the warm-up waits for the first prompt to be drawn before it takes the other core:
     * the prompt shows 1-2 ms after the reader starts (docs/benchmarks.md), and a line typed at
     * once waits for the warm-up, so it starts as soon after that as is safe.
     */
    private static final long PROMPT_DRAWN_MS = 20;

    private final Session session;
    private final Terminal terminal;
    private final LineReader reader;
    private final ReplCommands commands;
    private final OpshCompleter completer;
    private ExecutorService worker = newWorker();

    public Repl(Session session, Terminal terminal, Path historyFile) {
        this(session, reader(terminal), historyFile);
    }

    /** @param reader from {@link #reader(Terminal)}, perhaps built on another thread before the session was */
    public Repl(Session session, LineReader reader, Path historyFile) {
        this.session = session;
        this.terminal = reader.getTerminal();
        this.commands = new ReplCommands(session, this::history);
        this.completer = new OpshCompleter(session, commands);
        this.reader = reader;
        LineReaderImpl impl = (LineReaderImpl) reader;
        impl.setParser(new GroovyLineParser());
        impl.setCompleter(completer);
        impl.setHighlighter(session.screen().color() ? new GroovyHighlighter() : new DefaultHighlighter());
        reader.setVariable(LineReader.HISTORY_FILE, historyFile);
        History history = new RedactingHistory(Redactor.of(session.evaluator().context().secrets()));
        impl.setHistory(history);
        history.attach(reader);
    }

    /**
     * A line reader on {@code terminal} with all the settings that need no session. It takes a cold
     * JVM tens of milliseconds to build, so the interactive start builds it beside the session.
     */
    public static LineReader reader(Terminal terminal) {
        return LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("opsh")
                .variable(LineReader.SECONDARY_PROMPT_PATTERN, "%P ... ")
                .variable(LineReader.INDENTATION, 2)
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .option(LineReader.Option.INSERT_BRACKET, false)
                .build();
    }

    private org.jline.reader.History history() {
        return reader.getHistory();
    }

    OpshCompleter completer() {
        return completer;
    }

    public LineReader reader() {
        return reader;
    }

    /** Reads and processes inputs until {@code /exit} or Ctrl-D. */
    public ExitCode run() {
        // Prompt first: the transcript's header is written and the compiler warms up on the
        // evaluation thread while the operator types, and the first input queues behind them.
        worker.submit(() -> {
            Thread.sleep(PROMPT_DRAWN_MS);
            session.recorder().prepare();
            session.evaluator().warmUp();
            return null;
        });
        try {
            while (true) {
                String input = readInput();
                boolean leaving = input == null || process(input) == Outcome.EXIT;
                if (leaving && ChaosReminder.mayLeave(session, reader)) {
                    return ExitCode.OK;
                }
            }
        } finally {
            worker.shutdownNow();
            try {
                reader.getHistory().save();
            } catch (java.io.IOException e) {
                session.screen().warning("history not saved: " + e.getMessage());
            }
        }
    }

    /** The next input, or null when the operator leaves. Ctrl-C at the prompt clears the line. */
    String readInput() {
        while (true) {
            try {
                return reader.readLine(prompt());
            } catch (UserInterruptException e) {
                // Ctrl-C at the prompt: the line is dropped, the session goes on.
            } catch (EndOfFileException e) {
                return null;
            }
        }
    }

    private String prompt() {
        return session.screen().encode(SessionHeader.prompt(session.inventory()));
    }

    Outcome process(String input) {
        String trimmed = input.strip();
        if (trimmed.isEmpty()) {
            return Outcome.CONTINUE;
        }
        if (trimmed.startsWith("/") && !trimmed.startsWith("/*") && !trimmed.startsWith("//")) {
            return command(trimmed);
        }
        evaluate(input);
        return Outcome.CONTINUE;
    }

    private Outcome command(String line) {
        try {
            session.recorder().input(prompt(), line);
            return commands.run(line);
        } catch (Exception e) {
            session.fail(e);
            return Outcome.CONTINUE;
        }
    }

    /** Evaluates on the worker thread; Ctrl-C cancels it, and a call that will not stop is left behind. */
    ExitCode evaluate(String source) {
        long[] cancelledAt = {0};
        AtomicBoolean started = new AtomicBoolean();
        Future<ExitCode> result = worker.submit(() -> {
            started.set(true);
            return session.evaluate(prompt(), source);
        });
        SignalHandler previous = terminal.handle(Signal.INT, signal -> {
            cancelledAt[0] = System.currentTimeMillis();
            // An input still queued behind the compiler's warm-up never starts; a running one is stopped.
            if (!started.get() && result.cancel(false)) {
                return;
            }
            session.evaluator().cancel();
        });
        try {
            while (true) {
                try {
                    return result.get(100, TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    if (cancelledAt[0] != 0 && System.currentTimeMillis() - cancelledAt[0] > ABANDON_AFTER_MS) {
                        worker.shutdownNow();
                        worker = newWorker();
                        session.screen().error("interrupted; the evaluation did not stop within "
                                + ABANDON_AFTER_MS / 1000 + " s and was left behind");
                        ChaosReminder.remind(session);
                        return ExitCode.FAILURE;
                    }
                }
            }
        } catch (java.util.concurrent.CancellationException e) {
            session.screen().error("interrupted");
            return ExitCode.FAILURE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitCode.FAILURE;
        } catch (java.util.concurrent.ExecutionException e) {
            session.screen().error(session.failures().describe(e.getCause()));
            return ExitCode.FAILURE;
        } finally {
            terminal.handle(Signal.INT, previous);
        }
    }

    private static ExecutorService newWorker() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "opsh-eval");
            t.setDaemon(true);
            return t;
        });
    }
}
