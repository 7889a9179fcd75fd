package dev.opsh.dsl;

import dev.opsh.ExitCode;
import dev.opsh.OpshException;
import dev.opsh.adapters.ssh.CommandEffects;
import dev.opsh.adapters.ssh.FanOutResult;
import dev.opsh.adapters.ssh.SshCommandRunner;
import dev.opsh.adapters.ssh.SshFanOut;
import dev.opsh.inventory.Host;
import dev.opsh.inventory.SshSettings;
import java.util.List;

/** Remote commands over SSH, fanned out to a host, a group, a service's hosts or all hosts. */
public interface SshVerbs extends Verbs {
    @Verb(effect = Effect.READ,
            summary = "runs a shell command on a host, group, service's hosts or 'all', in parallel; one result per host, split into succeeded and failed",
            example = "ssh('app', 'uptime').failed")
    default FanOutResult ssh(String target, String command) {
        Effect effect = CommandEffects.of(command);
        if (effect != Effect.READ) {
            throw new OpshException(ExitCode.REFUSED, "ssh '" + command + "' is classified " + effect
                    + "; only READ commands run through ssh()");
        }
        List<Host> hosts = context().inventory().resolveTarget(target);
        SshSettings settings = context().inventory().ssh();
        return new SshFanOut(SshCommandRunner.of(context()), settings.forks(), settings.timeout(), context().events())
                .run(hosts, command);
    }
}
