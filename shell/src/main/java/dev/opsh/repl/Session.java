package dev.opsh.repl;

import dev.opsh.ExitCode;
import dev.opsh.engine.EvaluationInterrupted;
import dev.opsh.engine.Evaluator;
import dev.opsh.inventory.Inventory;
import dev.opsh.render.JsonRenderer;
import dev.opsh.render.Screen;
import dev.opsh.render.ValueRenderer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TimeZone;
import java.util.TreeSet;

/**
 * One operator's session: its inventory, its Groovy engine and where its output goes. The REPL,
 * {@code -e} and {@code run} all evaluate through {@link #evaluate}, the single catch point that
 * turns any failure into one red line and an exit code.
 */
public final class Session implements AutoCloseable {
    private final Inventory inventory;
    private final Evaluator evaluator;
    private final Screen screen;
    private final OutputMode output;
    private final ValueRenderer values = new ValueRenderer(TimeZone.getDefault());
    private JsonRenderer json;
    private final Failures failures;
    private final List<String> successfulInputs = new ArrayList<>();
    private final TerminalEvents events;
    private final Recorder recorder;
    private ExitCode lastExit = ExitCode.OK;
    private Throwable lastFailure;

    public Session(Inventory inventory, Evaluator evaluator, Screen screen, OutputMode output, TerminalEvents events,
            Recorder recorder) {
        this.inventory = inventory;
        this.events = events;
        this.recorder = recorder;
        this.evaluator = evaluator;
        this.screen = screen;
        this.output = output;
        this.failures = new Failures(this::names);
        evaluator.predefine("out", new java.io.PrintWriter(new dev.opsh.render.ScreenWriter(screen), true));
    }

    public Inventory inventory() {
        return inventory;
    }

    public Evaluator evaluator() {
        return evaluator;
    }

    public Screen screen() {
        return screen;
    }

    /**
     * Evaluates one input, shows its result or its failure, records all three in the transcript,
     * and says how it ended. The input is on disk before it runs: if it cannot be recorded, it
     * does not run.
     */
    public ExitCode evaluate(String prompt, String source) {
        try {
            recorder.input(prompt, source);
            Object result = evaluator.evaluate(source);
            successfulInputs.add(source);
            events.endFrames();
            show(result);
            if (result != null) {
                recorder.result(result);
            }
            return lastExit = ExitCode.OK;
        } catch (Throwable t) {
            if (t instanceof VirtualMachineError && !(t instanceof StackOverflowError)) {
                throw (VirtualMachineError) t;
            }
            return lastExit = fail(t);
        } finally {
            events.endFrames();
        }
    }

    /** Shows a failure as one red line and records it. */
    public ExitCode fail(Throwable t) {
        if (!(t instanceof EvaluationInterrupted)) {
            lastFailure = t;
        }
        screen.error(failures.describe(t));
        try {
            recorder.failure(t);
        } catch (RuntimeException unrecorded) {
            screen.error("the transcript could not record this error: " + failures.describe(unrecorded));
        }
        return Failures.exitCode(t);
    }

    public void show(Object result) {
        if (result == null) {
            return;
        }
        if (output == OutputMode.JSON) {
            if (json == null) {
                json = new JsonRenderer();
            }
            screen.println(json.render(result));
        } else {
            screen.println(values.render(result));
        }
    }

    public Recorder recorder() {
        return recorder;
    }

    public ValueRenderer values() {
        return values;
    }

    public Failures failures() {
        return failures;
    }

    /** The inputs that evaluated without error, in order: what {@code /save} writes. */
    public List<String> successfulInputs() {
        return List.copyOf(successfulInputs);
    }

    public Throwable lastFailure() {
        return lastFailure;
    }

    public void reset() {
        evaluator.reset();
        successfulInputs.clear();
    }

    private Set<String> names() {
        Set<String> names = new TreeSet<>(evaluator.variables().keySet());
        names.addAll(evaluator.methods());
        return names;
    }

    /** Ends the transcript with the exit code of the last evaluation and closes the session's clients. */
    @Override
    public void close() {
        try {
            recorder.end(lastExit.code());
        } finally {
            evaluator.context().close();
        }
    }
}
