package dev.opsh.adapters.health;

import dev.opsh.OpshException;
import dev.opsh.adapters.CommandResult;
import dev.opsh.adapters.ServiceHealth;
import dev.opsh.adapters.ssh.SshCommandRunner;
import dev.opsh.dsl.OpsContext;
import dev.opsh.inventory.Host;
import java.time.Duration;

/** The health of a host: an SSH login and {@code uname -r}, whose answer is reported as the version. */
public final class SshHostProbe {
    static final String TYPE = "ssh";

    static String endpoint(Host host) {
        return host.user() + "@" + host.address() + ":" + host.port();
    }

    public ServiceHealth probe(Host host, OpsContext context) {
        long start = System.nanoTime();
        try {
            CommandResult result = SshCommandRunner.of(context).run(host, "uname -r", context.inventory().deadlines().health());
            if (!result.succeeded()) {
                return health(host, start, ServiceHealth.Status.DOWN, null, "uname -r exited " + result.exit() + ": " + result.stderr());
            }
            return health(host, start, ServiceHealth.Status.UP, "kernel " + result.stdout(), null);
        } catch (OpshException e) {
            return health(host, start, ServiceHealth.Status.DOWN, null, e.getMessage());
        }
    }

    private static ServiceHealth health(Host host, long start, ServiceHealth.Status status, String version, String error) {
        return new ServiceHealth(host.name(), TYPE, endpoint(host), status, Duration.ofNanos(System.nanoTime() - start),
                version, error);
    }
}
