package dev.opsh.chaos;

import dev.opsh.lab.Lab;
import dev.opsh.lab.LabExtension;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A throw-away lab for one test, which chaos may break freely, taken down after the test:
 * {@code @RegisterExtension final VictimLab victim = new VictimLab();} then {@code victim.start(dir, "redis")}.
 */
public final class VictimLab implements AfterEachCallback {
    private Lab lab;

    /** Starts {@code services} (and sshd) in {@code dir}. */
    public Lab start(Path dir, String... services) {
        lab = LabExtension.victim(dir, services);
        return lab;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (lab != null) {
            lab.down();
            lab = null;
        }
    }
}
