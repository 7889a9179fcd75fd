package dev.opsh.inventory;

import dev.opsh.UnknownNameException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One environment's hosts and services: what a session of opsh is bound to.
 *
 * @param name the inventory's name, its file name without {@code .yml}
 * @param environment lab, staging, prod, or another name; it colours the prompt
 * @param isProtected whether mutations need the prod guard's confirmation
 * @param lab whether the services are the local lab's, started on first use
 * @param readOnlyCommands the ssh commands allowed without confirmation on a protected inventory
 */
public record Inventory(
        String name,
        Path source,
        String environment,
        boolean isProtected,
        boolean lab,
        Map<String, Host> hosts,
        Map<String, List<String>> groups,
        Map<String, Service> services,
        Deadlines deadlines,
        SshSettings ssh,
        BackupPolicy backup,
        List<String> readOnlyCommands) {

    public Host host(String name) {
        Host host = hosts.get(name);
        if (host == null) {
            throw new UnknownNameException("host", name, hosts.keySet());
        }
        return host;
    }

    public Service service(String name) {
        Service service = services.get(name);
        if (service == null) {
            throw new UnknownNameException("service", name, services.keySet());
        }
        return service;
    }

    /** The hosts of a group, in the group's order. */
    public List<Host> group(String name) {
        List<String> members = groups.get(name);
        if (members == null) {
            throw new UnknownNameException("group", name, groups.keySet());
        }
        return members.stream().map(this::host).toList();
    }

    /** The hosts a service runs on. */
    public List<Host> hostsOf(Service service) {
        return service.hosts().stream().map(this::host).toList();
    }

    /**
     * The hosts a target names: a host, a group, a service (its hosts), or {@code all}.
     * Names are looked up in that order.
     */
    public List<Host> resolveTarget(String target) {
        if (hosts.containsKey(target)) {
            return List.of(hosts.get(target));
        }
        if (groups.containsKey(target)) {
            return group(target);
        }
        if (services.containsKey(target)) {
            return hostsOf(services.get(target));
        }
        if (target.equals("all")) {
            return List.copyOf(hosts.values());
        }
        throw new UnknownNameException("host, group or service", target, targetNames());
    }

    /** Every name {@link #resolveTarget} accepts. */
    public Set<String> targetNames() {
        Set<String> names = new LinkedHashSet<>(hosts.keySet());
        names.addAll(groups.keySet());
        names.addAll(services.keySet());
        names.add("all");
        return names;
    }

    /** The groups a host belongs to. */
    public List<String> groupsOf(String host) {
        List<String> result = new ArrayList<>();
        groups.forEach((group, members) -> {
            if (members.contains(host)) {
                result.add(group);
            }
        });
        return result;
    }

    @Override
    public String toString() {
        return name + " (" + environment + (isProtected ? ", protected" : "") + ": "
                + hosts.size() + " hosts, " + services.size() + " services)";
    }
}
