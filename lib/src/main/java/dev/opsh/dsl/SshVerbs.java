package dev.opsh.dsl;

import dev.opsh.adapters.ssh.CommandEffects;
import dev.opsh.adapters.ssh.FanOutResult;
import dev.opsh.adapters.ssh.SshCommandRunner;
import dev.opsh.adapters.ssh.SshFanOut;
import dev.opsh.guard.GuardTarget;
import dev.opsh.guard.GuardedAction;
import dev.opsh.inventory.Host;
import dev.opsh.inventory.Inventory;
import dev.opsh.inventory.SshSettings;
import java.util.List;

/** Remote commands over SSH, fanned out to a host, a group, a service's hosts or all hosts. */
public interface SshVerbs extends Verbs {
    @Verb(effect = Effect.MUTATE,
            summary = "runs a shell command on a host, group, service's hosts or 'all', in parallel; one result per host, split into succeeded and failed. "
                    + "Commands in the inventory's readOnlyCommands run freely; anything else is a mutation and passes the guard",
            example = "ssh('app', 'uptime').failed")
    default FanOutResult ssh(String target, String command) {
        Inventory inventory = context().inventory();
        List<Host> hosts = inventory.resolveTarget(target);
        CommandEffects.Classification effect = CommandEffects.classify(command, inventory.readOnlyCommands());
        if (effect.effect() != Effect.READ) {
            GuardedAction.Builder action = GuardedAction.of("ssh").command(command).subject(target)
                    .note("not read-only: " + effect.reason());
            hosts.forEach(host -> action.target(GuardTarget.host(host)));
            context().guard().authorize(action.build());
        }
        SshSettings settings = inventory.ssh();
        return new SshFanOut(SshCommandRunner.of(context()), settings.forks(), settings.timeout(), context().events())
                .run(hosts, command);
    }
}
