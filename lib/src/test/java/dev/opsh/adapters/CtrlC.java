package dev.opsh.adapters;

import dev.opsh.engine.Evaluator;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/** Evaluates a line on its own thread and presses Ctrl-C (the shell's {@link Evaluator#cancel()}) after a delay. */
public final class CtrlC {
    /** What the evaluation threw, and how long it took to end after Ctrl-C. */
    public record Outcome(Throwable thrown, Duration afterCancel, boolean ended) {
    }

    private CtrlC() {
    }

    public static Outcome press(Evaluator evaluator, String line, Duration after) throws InterruptedException {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread evaluation = new Thread(() -> {
            try {
                evaluator.evaluate(line);
            } catch (Throwable t) {
                thrown.set(t);
            }
        }, "evaluation");
        evaluation.start();
        Thread.sleep(after.toMillis());
        long cancelled = System.nanoTime();
        evaluator.cancel();
        evaluation.join(10_000);
        return new Outcome(thrown.get(), Duration.ofNanos(System.nanoTime() - cancelled), !evaluation.isAlive());
    }
}
