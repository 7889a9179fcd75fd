package dev.opsh.repl;

import dev.opsh.ExitCode;
import dev.opsh.engine.EvaluationInterrupted;
import dev.opsh.engine.Evaluator;
import dev.opsh.inventory.Inventory;
import dev.opsh.render.JsonRenderer;
import dev.opsh.render.Screen;
import dev.opsh.render.ValueRenderer;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
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
    private final ValueRenderer values = new ValueRenderer(ZoneId.systemDefault());
    private JsonRenderer json;
    private final Failures failures;
    private final List<String> successfulInputs = new ArrayList<>();
    private final TerminalEvents events;
    private Throwable lastFailure;

    public Session(Inventory inventory, Evaluator evaluator, Screen screen, OutputMode output, TerminalEvents events) {
        this.inventory = inventory;
        this.events = events;
        this.evaluator = evaluator;
        this.screen = screen;
        this.output = output;
        this.failures = new Failures(this::names);
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

    /** Evaluates one input, shows its result or its failure, and says how it ended. */
    public ExitCode evaluate(String source) {
        try {
            Object result = evaluator.evaluate(source);
            successfulInputs.add(source);
            events.endFrames();
            show(result);
            return ExitCode.OK;
        } catch (Throwable t) {
            if (t instanceof VirtualMachineError && !(t instanceof StackOverflowError)) {
                throw (VirtualMachineError) t;
            }
            if (!(t instanceof EvaluationInterrupted)) {
                lastFailure = t;
            }
            screen.error(failures.describe(t));
            return Failures.exitCode(t);
        } finally {
            events.endFrames();
        }
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

    @Override
    public void close() {
        evaluator.context().close();
    }
}
