package dev.opsh.lab;

import dev.opsh.ExitCode;
import dev.opsh.UnknownNameException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The lab's services by name, in the order they start, with what each needs. */
final class LabServices {
    /** Every service, in the order {@code status} lists them. */
    static final List<String> NAMES = List.of("postgres", "redis", "rabbitmq", "sshd", "haproxy");
    private static final List<String> START_ORDER = List.of("sshd", "redis", "postgres", "haproxy", "rabbitmq");
    private static final Map<String, Set<String>> NEEDS = Map.of("haproxy", Set.of("postgres"));
    private static final Map<String, String> PORT_NAMES = Map.of("postgres", "pg", "redis", "redis", "rabbitmq", "amqp",
            "sshd", "ssh", "haproxy", "haproxy");

    private LabServices() {}

    static Map<String, ServiceLauncher> launchers(LabConfig config, Labctl labctl) {
        Map<String, ServiceLauncher> launchers = new LinkedHashMap<>();
        for (ServiceLauncher launcher : List.of(new SshdLauncher(config), new RedisLauncher(config),
                new PostgresLauncher(config, labctl), new HaproxyLauncher(config), new RabbitMqLauncher(config))) {
            launchers.put(launcher.name(), launcher);
        }
        return launchers;
    }

    /**
     * The services to bring up for a request: all of them when it is empty, else the named ones and
     * what they need, in start order (fastest first, so that they are ready while PostgreSQL and
     * RabbitMQ take their time). An unknown name is a usage error with a did-you-mean hint.
     */
    static List<String> resolve(Collection<String> requested) {
        if (requested.isEmpty()) {
            return START_ORDER;
        }
        Set<String> wanted = new LinkedHashSet<>();
        for (String name : requested) {
            if (!NAMES.contains(name)) {
                throw new UnknownNameException(ExitCode.USAGE, "lab service", name, NAMES);
            }
            wanted.add(name);
            wanted.addAll(NEEDS.getOrDefault(name, Set.of()));
        }
        return START_ORDER.stream().filter(wanted::contains).toList();
    }

    /** The name in {@link LabConfig#ports()} of a service's main port. */
    static String portName(String service) {
        return PORT_NAMES.get(service);
    }
}
