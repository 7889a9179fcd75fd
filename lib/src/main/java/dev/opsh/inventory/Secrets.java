package dev.opsh.inventory;

import dev.opsh.ExitCode;
import dev.opsh.OpshException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Resolves credential references and remembers every value it handed out, so that the transcript
 * and the history can mask them.
 */
public final class Secrets {
    private final Function<String, String> environment;
    private final Set<String> resolved = ConcurrentHashMap.newKeySet();

    public Secrets(Function<String, String> environment) {
        this.environment = environment;
    }

    public static Secrets fromSystem() {
        return new Secrets(System::getenv);
    }

    /** The value behind a reference, or null for a null reference. */
    public String resolve(SecretRef ref) {
        if (ref == null) {
            return null;
        }
        String reference = ref.reference();
        String value;
        if (reference.startsWith("env:")) {
            String name = reference.substring(4);
            value = environment.apply(name);
            if (value == null) {
                throw new OpshException(ExitCode.USAGE, ref.location() + ": credential " + reference
                        + " refers to environment variable " + name + ", which is not set");
            }
        } else if (reference.startsWith("file:")) {
            Path file = Path.of(reference.substring(5));
            try {
                value = Files.readString(file).strip();
            } catch (IOException e) {
                throw new OpshException(ExitCode.USAGE, ref.location() + ": credential " + reference
                        + " cannot be read: " + e.getMessage(), e);
            }
        } else {
            throw new IllegalStateException("unchecked reference " + reference);
        }
        if (!value.isEmpty()) {
            resolved.add(value);
        }
        return value;
    }

    /** Every secret value resolved so far in this session. */
    public Set<String> resolvedValues() {
        return Set.copyOf(resolved);
    }
}
