package dev.opsh.inventory;

import java.util.List;
import java.util.Map;

/**
 * One service of an inventory.
 *
 * @param type postgres, redis, rabbitmq, haproxy, minio, or any other name
 * @param hosts the names of the hosts it runs on, in inventory order
 * @param port its main port (0 when it has none, as for HAProxy reached by its stats socket)
 * @param ports further named ports, such as {@code management} for RabbitMQ
 * @param password a credential reference, or null
 * @param unit the systemd unit, or null
 * @param commands how to kill, stop and start it; null when neither unit nor commands are given
 * @param impact what breaks when it goes down, shown in chaos previews; may be null
 * @param thresholds per-name limits, such as queue depths for RabbitMQ
 * @param settings type-specific settings: {@code database}, {@code vhost}, {@code statsSocket}
 */
public record Service(
        String name,
        String type,
        List<String> hosts,
        int port,
        Map<String, Integer> ports,
        String user,
        SecretRef password,
        String unit,
        ServiceCommands commands,
        String impact,
        Map<String, Long> thresholds,
        Map<String, String> settings,
        Deadlines deadlines) {

    public String setting(String key) {
        return settings.get(key);
    }

    /** A named extra port, or the given default when the inventory does not name it. */
    public int port(String name, int orElse) {
        return ports.getOrDefault(name, orElse);
    }
}
