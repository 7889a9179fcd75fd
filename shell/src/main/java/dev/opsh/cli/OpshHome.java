package dev.opsh.cli;

import dev.opsh.StateDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where opsh's own files are: the inventories, and the per-user state (history, transcripts).
 * The launcher passes the installation as {@code -Dopsh.home}.
 */
public record OpshHome(Path installation, Path state) {
    public static OpshHome from(Map<String, String> env) {
        String home = System.getProperty("opsh.home");
        Path installation = home != null ? Path.of(home) : Path.of("").toAbsolutePath();
        return new OpshHome(installation, StateDirectory.of(env::get, Path.of(System.getProperty("user.home"))));
    }

    /** {@code $OPSH_INVENTORY_DIR}, else the installation's {@code inventory/}. */
    public Path inventories(Map<String, String> env) {
        String dir = env.get("OPSH_INVENTORY_DIR");
        return dir != null && !dir.isBlank() ? Path.of(dir) : installation.resolve("inventory");
    }

    /** The REPL's history file, created with its directory on first use. */
    public Path historyFile() {
        try {
            Files.createDirectories(state);
        } catch (java.io.IOException e) {
            // JLine reports an unwritable history file itself when it saves.
        }
        return state.resolve("history");
    }
}
