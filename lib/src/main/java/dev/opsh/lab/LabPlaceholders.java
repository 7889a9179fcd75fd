package dev.opsh.lab;

import dev.opsh.inventory.Placeholders;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The {@code ${lab:KEY}} values of the lab inventories: the lab's generated ports, key and socket
 * paths, password files and commands. Looking one up creates the lab's settings if needed but
 * never starts a server. The keys are {@link #KEYS}. One instance reads the lab's settings once,
 * however many placeholders an inventory has.
 */
public final class LabPlaceholders implements Placeholders {
    public static final String NAMESPACE = "lab";

    private static final Map<String, Function<LabConfig, Object>> VALUES = Map.ofEntries(
            Map.entry("dir", LabConfig::dir),
            Map.entry("labctl", LabConfig::labctl),
            Map.entry("host", c -> "127.0.0.1"),
            Map.entry("ssh.port", c -> c.port("ssh")),
            Map.entry("ssh.user", c -> System.getProperty("user.name")),
            Map.entry("ssh.key", LabConfig::clientKey),
            Map.entry("ssh.knownHosts", LabConfig::knownHosts),
            Map.entry("pg.port", c -> c.port("pg")),
            Map.entry("pg.database", c -> LabConfig.DATABASE),
            Map.entry("pg.user", c -> LabConfig.APP_USER),
            Map.entry("pg.passwordFile", LabConfig::pgPasswordFile),
            Map.entry("pgbackrest.stanza", c -> LabConfig.STANZA),
            Map.entry("pgbackrest.command", c -> c.labctl() + " pgbackrest"),
            Map.entry("redis.port", c -> c.port("redis")),
            Map.entry("rabbitmq.port", c -> c.port("amqp")),
            Map.entry("rabbitmq.managementPort", c -> c.port("management")),
            Map.entry("rabbitmq.user", c -> LabConfig.APP_USER),
            Map.entry("rabbitmq.passwordFile", LabConfig::rabbitPasswordFile),
            Map.entry("rabbitmq.node", LabConfig::rabbitNode),
            Map.entry("haproxy.port", c -> c.port("haproxy")),
            Map.entry("haproxy.statsSocket", LabConfig::statsSocket));

    /** Every key this namespace knows. */
    public static final List<String> KEYS = VALUES.keySet().stream().sorted().toList();

    private final Lab lab;
    private LabConfig config;

    public LabPlaceholders(Lab lab) {
        this.lab = lab;
    }

    @Override
    public String lookup(String namespace, String key) {
        if (!NAMESPACE.equals(namespace)) {
            return null;
        }
        Function<LabConfig, Object> value = VALUES.get(key);
        return value == null ? null : value.apply(config()).toString();
    }

    private synchronized LabConfig config() {
        if (config == null) {
            config = lab.config();
        }
        return config;
    }
}
