package dev.opsh.lab;

import dev.opsh.inventory.Inventory;
import dev.opsh.inventory.InventoryLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Hands a running lab to integration tests: one lab per test JVM, in a temporary state directory,
 * started (all services) the first time a test class needs it and taken down when the JVM's tests
 * end. Parameters of type {@link Lab} get that lab; parameters of type {@link Inventory} get
 * {@code inventory/lab.yml} (or the one named by {@link LabInventory}) loaded against it.
 *
 * <pre>{@code
 * @ExtendWith(LabExtension.class)
 * class RedisAdapterTest {
 *     @Test void pings(Inventory lab) { ... lab.service("redis").port() ... }
 * }
 * }</pre>
 *
 * <p>Chaos tests must not kill the shared lab's services; they take a throw-away victim instead:
 * {@code Lab victim = LabExtension.victim(tempDir, "redis")} (sshd comes along, so the inventory's
 * commands run over SSH), then {@code LabExtension.inventory(victim)}, and {@code victim.down()}
 * when done. A victim also goes down when the JVM exits, even by kill -9.
 */
public final class LabExtension implements BeforeAllCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(LabExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        shared(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == Lab.class || type == Inventory.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Lab lab = shared(context);
        if (parameter.getParameter().getType() == Lab.class) {
            return lab;
        }
        String name = parameter.findAnnotation(LabInventory.class).map(LabInventory::value).orElse("lab");
        return inventory(lab, name);
    }

    /** The JVM's shared lab, started on first use. */
    public static Lab shared(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(SharedLab.class, k -> SharedLab.start(), SharedLab.class).lab();
    }

    /**
     * Starts a throw-away lab in {@code dir} running {@code services} plus sshd, for a test that kills
     * things. Take it down with {@link Lab#down()}; it goes down by itself when the JVM exits.
     */
    public static Lab victim(Path dir, String... services) {
        Lab victim = Lab.throwaway(dir);
        Set<String> wanted = new java.util.LinkedHashSet<>(Set.of(services));
        wanted.add("sshd");
        victim.up(wanted, LabListener.NONE);
        return victim;
    }

    /** {@code inventory/lab.yml} loaded against this lab's ports and files (starts nothing). */
    public static Inventory inventory(Lab lab) {
        return inventory(lab, "lab");
    }

    /** {@code inventory/NAME.yml} (lab or drill) loaded against this lab's ports and files (starts nothing). */
    public static Inventory inventory(Lab lab, String name) {
        return new InventoryLoader(lab.placeholders()).load(repositoryRoot().resolve("inventory").resolve(name + ".yml"));
    }

    /** The repository's root: the nearest directory above the working directory that holds {@code inventory/lab.yml}. */
    public static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("inventory/lab.yml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no inventory/lab.yml above " + Path.of("").toAbsolutePath());
    }

    /** The lab shared by the JVM's tests; closing it takes it down and removes its directory. */
    private record SharedLab(Lab lab) implements AutoCloseable {
        static SharedLab start() {
            try {
                Lab lab = Lab.throwaway(Files.createTempDirectory("opsh-lab-"));
                lab.up(Set.of(), LabListener.NONE);
                return new SharedLab(lab);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() throws IOException {
            lab.down();
            deleteTree(lab.dir());
        }
    }

    /** Removes a throw-away lab's directory after {@link Lab#down()}. */
    public static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
