package dev.opsh.dsl;

import dev.opsh.watch.Watcher;
import groovy.lang.Closure;
import java.time.Duration;
import java.time.Instant;

/** Re-evaluating a closure on a timer, for watching queues drain or a service come back. */
public interface WatchVerbs extends Verbs {
    @Verb(effect = Effect.READ, summary = "re-evaluate the closure every 5 s and redraw its table in place, with changes, sparklines and time to drain, until Ctrl-C",
            example = "watch { queues() }")
    default Object watch(Closure<?> body) {
        return watch(Duration.ofSeconds(5), body);
    }

    @Verb(effect = Effect.READ, summary = "re-evaluate the closure at the given interval until Ctrl-C",
            example = "watch(2.seconds) { queues('transcode.*') }")
    default Object watch(Duration every, Closure<?> body) {
        if (every.isNegative() || every.isZero()) {
            throw new dev.opsh.OpshException(dev.opsh.ExitCode.FAILURE, "watch needs a positive interval, such as 5.seconds");
        }
        Watcher watcher = new Watcher(every);
        try {
            while (!Thread.currentThread().isInterrupted()) {
                context().events().frame(watcher.next(body.call(), Instant.now()));
                Thread.sleep(every.toMillis());
            }
        } catch (InterruptedException e) {
            // Ctrl-C is how a watch ends.
        }
        return null;
    }
}
