package dev.opsh.inventory;

import dev.opsh.ExitCode;
import dev.opsh.OpshException;
import dev.opsh.text.DidYouMean;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The inventories an installation knows: the {@code .yml} files of one directory, chosen by name.
 * A name with a slash or a {@code .yml} ending is read as a path instead.
 */
public final class InventoryCatalog {
    /** The inventory used when neither {@code -i} nor {@code INVENTORY} names one: the local lab, the safest. */
    public static final String DEFAULT = "lab";

    private final Path directory;
    private final InventoryLoader loader;

    public InventoryCatalog(Path directory, Placeholders placeholders) {
        this.directory = directory;
        this.loader = new InventoryLoader(placeholders);
    }

    /** {@code -i NAME}, else the {@code INVENTORY} variable, else {@link #DEFAULT}. */
    public static String select(String option, Map<String, String> environment) {
        if (option != null && !option.isBlank()) {
            return option;
        }
        String fromEnv = environment.get("INVENTORY");
        return fromEnv != null && !fromEnv.isBlank() ? fromEnv : DEFAULT;
    }

    public Path directory() {
        return directory;
    }

    public List<String> names() {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yml") || n.endsWith(".yaml"))
                    .map(n -> n.replaceFirst("\\.ya?ml$", "")).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    public Inventory load(String name) {
        if (name.contains("/") || name.endsWith(".yml") || name.endsWith(".yaml")) {
            return loader.load(Path.of(name));
        }
        for (String ext : List.of(".yml", ".yaml")) {
            Path file = directory.resolve(name + ext);
            if (Files.isRegularFile(file)) {
                return loader.load(file);
            }
        }
        throw new OpshException(ExitCode.USAGE, "unknown inventory '" + name + "' in " + directory
                + DidYouMean.hint(name, names()).replace("; known:", "; known inventories:"));
    }
}
