package dev.opsh;

import java.nio.file.Path;
import java.util.function.Function;

/**
 * Where opsh keeps per-user state (history, transcripts, the lab): {@code $XDG_STATE_HOME/opsh},
 * else {@code ~/.local/state/opsh}. A more specific variable, such as {@code OPSH_LAB_DIR}, wins
 * for its own part.
 */
public final class StateDirectory {
    private StateDirectory() {}

    public static Path of(Function<String, String> environment, Path home) {
        String xdg = environment.apply("XDG_STATE_HOME");
        return xdg != null && !xdg.isBlank() ? Path.of(xdg, "opsh") : home.resolve(".local/state/opsh");
    }

    /** {@code override} when that variable is set, else {@code part} under the state directory. */
    public static Path part(Function<String, String> environment, Path home, String override, String part) {
        String explicit = environment.apply(override);
        return explicit != null && !explicit.isBlank() ? Path.of(explicit) : of(environment, home).resolve(part);
    }
}
