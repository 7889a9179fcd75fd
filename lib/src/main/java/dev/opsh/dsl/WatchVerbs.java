package dev.opsh.dsl;

import dev.opsh.ExitCode;
import dev.opsh.OpshException;
import dev.opsh.watch.WatchFrame;
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
        return watch(every, Integer.MAX_VALUE, body);
    }

    @Verb(effect = Effect.READ, summary = "re-evaluate the closure a number of times (for scripts), then return the last frame",
            example = "watch(5.seconds, 12) { queues() }")
    default WatchFrame watch(Duration every, int ticks, Closure<?> body) {
        if (every.isNegative() || every.isZero() || ticks < 1) {
            throw new OpshException(ExitCode.FAILURE, "watch needs a positive interval and tick count, such as watch(5.seconds, 12) { ... }");
        }
        Watcher watcher = new Watcher(every);
        WatchFrame last = null;
        try {
            for (int tick = 1; tick <= ticks && !Thread.currentThread().isInterrupted(); tick++) {
                last = watcher.next(body.call(), Instant.now());
                context().events().frame(last);
                if (tick < ticks) {
                    Thread.sleep(every.toMillis());
                }
            }
        } catch (InterruptedException e) {
            // Ctrl-C is how an open-ended watch ends.
        }
        return ticks == Integer.MAX_VALUE ? null : last;
    }
}
