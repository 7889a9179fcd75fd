package dev.opsh.adapters;

import dev.opsh.ExitCode;
import dev.opsh.OpshException;
import dev.opsh.inventory.Host;
import dev.opsh.inventory.Inventory;
import dev.opsh.inventory.Service;
import java.util.List;

/** Finds the service a verb works on when the operator did not name one. */
public final class ServiceLookup {
    private ServiceLookup() {
    }

    /** The inventory's one service of {@code type}; an error naming the candidates when there are none or several. */
    public static Service single(Inventory inventory, String type) {
        List<Service> matching = inventory.services().values().stream().filter(s -> s.type().equals(type)).toList();
        if (matching.isEmpty()) {
            throw new OpshException(ExitCode.FAILURE, "inventory " + inventory.name() + " has no service of type " + type);
        }
        if (matching.size() > 1) {
            throw new OpshException(ExitCode.FAILURE, "inventory " + inventory.name() + " has " + matching.size()
                    + " services of type " + type + " (" + String.join(", ", matching.stream().map(Service::name).toList())
                    + "); name the one you mean");
        }
        return matching.get(0);
    }

    /** The host a client connects to for {@code service}: its first host. */
    public static Host firstHost(Inventory inventory, Service service) {
        return inventory.host(service.hosts().get(0));
    }
}
