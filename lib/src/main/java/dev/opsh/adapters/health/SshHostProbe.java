package dev.opsh.adapters.health;

import dev.opsh.OpshException;
import dev.opsh.adapters.CommandResult;
import dev.opsh.adapters.ServiceHealth;
import dev.opsh.adapters.ssh.SshCommandRunner;
import dev.opsh.dsl.OpsContext;
import dev.opsh.inventory.Host;

/** The health of a host: an SSH login and {@code uname -r}, whose answer is reported as the version. */
public final class SshHostProbe {
    static final String TYPE = "ssh";

    static String endpoint(Host host) {
        return host.user() + "@" + host.address() + ":" + host.port();
    }

    public ServiceHealth probe(Host host, OpsContext context) {
        long start = System.nanoTime();
        String endpoint = endpoint(host);
        try {
            CommandResult result = SshCommandRunner.of(context).run(host, "uname -r", context.inventory().deadlines().health());
            if (!result.succeeded()) {
                return Probes.down(host.name(), TYPE, endpoint, start, "uname -r exited " + result.exit() + ": " + result.stderr());
            }
            return Probes.up(host.name(), TYPE, endpoint, start, "kernel " + result.stdout());
        } catch (OpshException e) {
            return Probes.down(host.name(), TYPE, endpoint, start, e.getMessage());
        }
    }
}
