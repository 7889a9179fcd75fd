package dev.opsh.dsl;

import dev.opsh.guard.GuardRecord;
import dev.opsh.watch.WatchFrame;
import java.time.Duration;

/**
 * What the library tells the operator and the transcript while a verb runs. The library never
 * prints; the shell implements this and decides how each event looks.
 */
public interface SessionEvents {
    SessionEvents NONE = new SessionEvents() {};

    /** A line of progress worth keeping on screen, such as a lab service becoming ready. */
    default void notice(String message) {}

    /** A transient status, redrawn in place: {@code done} of {@code total} items finished. */
    default void progress(String label, int done, int total) {}

    /** A command ran on a remote host. */
    default void remote(String host, String command, int exit, Duration duration) {}

    /** A new tick of {@code watch}: the shell redraws the frame in place. */
    default void frame(WatchFrame frame) {}

    /** The guard decided about a mutation; the record never holds the phrase the operator typed. */
    default void guard(GuardRecord record) {}
}
