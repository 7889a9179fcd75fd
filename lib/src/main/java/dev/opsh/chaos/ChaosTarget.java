package dev.opsh.chaos;

import dev.opsh.ExitCode;
import dev.opsh.OpshException;
import dev.opsh.guard.GuardTarget;
import dev.opsh.inventory.Host;
import dev.opsh.inventory.Service;
import java.util.List;

/** One node of one service: what a chaos action hits. */
record ChaosTarget(Service service, Host node) {

    /** The service as seen on this node alone, so that a health probe asks this node and no other. */
    Service onNode() {
        return new Service(service.name(), service.type(), List.of(node.name()), service.port(), service.ports(),
                service.user(), service.password(), service.unit(), service.commands(), service.impact(),
                service.thresholds(), service.settings(), service.deadlines());
    }

    /** The inventory's command for {@code action}; an operator error naming what to add when there is none. */
    String command(ChaosAction action) {
        String command = action.command(service.commands());
        if (command == null || command.isBlank()) {
            throw new OpshException(ExitCode.FAILURE, "service '" + service.name() + "' has no " + action.verb()
                    + " command: give it 'unit: NAME' (systemd) or 'commands: {kill: ..., stop: ..., start: ...}' in the inventory");
        }
        return command;
    }

    GuardTarget guardTarget() {
        return GuardTarget.service(service.name(), node, service.port());
    }

    @Override
    public String toString() {
        return service.name() + " on " + node.name();
    }
}
