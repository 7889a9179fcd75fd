package dev.opsh.inventory;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import dev.opsh.ExitCode;
import dev.opsh.OpshException;
import dev.opsh.text.DidYouMean;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads one inventory YAML file strictly. Every problem is an {@link InventoryException} naming
 * file:line:column and what was expected; nothing is guessed.
 */
public final class InventoryLoader {
    /** The ssh commands that run without confirmation on a protected inventory, unless the inventory lists its own. */
    public static final List<String> DEFAULT_READ_ONLY_COMMANDS = List.of(
            "uptime", "df", "free", "ps", "systemctl status", "journalctl", "cat", "ls", "grep", "tail",
            "ss", "getent", "pgbackrest info", "rabbitmqctl list_*");

    private static final Set<String> TOP_KEYS = Set.of("environment", "protected", "lab", "description", "deadlines",
            "ansible", "hosts", "groups", "services", "ssh", "backup", "readOnlyCommands");
    private static final Set<String> HOST_KEYS = Set.of("address", "user", "port", "key", "local");
    private static final Set<String> SERVICE_KEYS = Set.of("type", "host", "hosts", "port", "ports", "user", "password",
            "unit", "commands", "impact", "thresholds", "deadlines", "database", "vhost", "statsSocket");
    private static final Set<String> SETTING_KEYS = Set.of("database", "vhost", "statsSocket");
    private static final Set<String> DEADLINE_KEYS = Set.of("connect", "read", "health");
    private static final Set<String> COMMAND_KEYS = Set.of("kill", "stop", "start");
    private static final Set<String> SSH_KEYS = Set.of("knownHosts", "forks", "timeout");
    private static final Set<String> BACKUP_KEYS = Set.of("host", "local", "stanza", "maxAge", "command");
    private static final Set<String> PROD_NAMES = Set.of("prod", "production");

    private final Placeholders placeholders;
    private final AnsibleImporter ansible;

    public InventoryLoader(Placeholders placeholders) {
        this.placeholders = placeholders;
        this.ansible = new AnsibleImporter();
    }

    public Inventory load(Path file) {
        String name = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        Node root = compose(file);
        YamlMap top = new YamlMap(file, placeholders, root, "the inventory", TOP_KEYS);
        String environment = top.string("environment", null);
        if (environment == null) {
            throw top.error(root, "the inventory needs 'environment' (lab, staging, prod, ...)");
        }
        boolean isProtected = top.bool("protected", PROD_NAMES.contains(environment.toLowerCase(Locale.ROOT)));
        if (!isProtected && PROD_NAMES.contains(environment.toLowerCase(Locale.ROOT))) {
            throw top.error(top.value("protected"), "environment '" + environment + "' cannot be unprotected");
        }
        Deadlines deadlines = deadlines(top.map("deadlines", "deadlines", DEADLINE_KEYS), Deadlines.DEFAULTS);

        Map<String, Host> hosts = new LinkedHashMap<>();
        Map<String, List<String>> groups = new LinkedHashMap<>();
        if (top.has("ansible")) {
            Path ansibleFile = resolvePath(file, top.string("ansible", null));
            AnsibleImporter.Imported imported = ansible.load(ansibleFile, top.keyLocation("ansible"));
            hosts.putAll(imported.hosts());
            groups.putAll(imported.groups());
        }
        YamlMap hostMap = top.map("hosts", "hosts", null);
        if (hostMap != null) {
            for (String host : hostMap.keys()) {
                hosts.put(host, host(host, new YamlMap(file, placeholders, hostMap.value(host), "host '" + host + "'", HOST_KEYS)));
            }
        }
        YamlMap groupMap = top.map("groups", "groups", null);
        if (groupMap != null) {
            for (String group : groupMap.keys()) {
                List<String> members = groupMap.strings(group);
                checkHosts(groupMap, groupMap.value(group), members, hosts, "group '" + group + "'");
                groups.put(group, List.copyOf(members));
            }
        }

        Map<String, Service> services = new LinkedHashMap<>();
        YamlMap serviceMap = top.map("services", "services", null);
        if (serviceMap != null) {
            for (String service : serviceMap.keys()) {
                YamlMap s = new YamlMap(file, placeholders, serviceMap.value(service), "service '" + service + "'", SERVICE_KEYS);
                services.put(service, service(service, s, hosts, deadlines));
            }
        }

        SshSettings ssh = ssh(file, top.map("ssh", "ssh", SSH_KEYS));
        BackupPolicy backup = backup(top.map("backup", "backup", BACKUP_KEYS), hosts);
        List<String> readOnly = top.has("readOnlyCommands") ? top.strings("readOnlyCommands") : DEFAULT_READ_ONLY_COMMANDS;
        return new Inventory(name, file, environment, isProtected, top.bool("lab", false), Map.copyOf(hosts),
                immutable(groups), immutable(services), deadlines, ssh, backup, List.copyOf(readOnly));
    }

    private static <V> Map<String, V> immutable(Map<String, V> map) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    private static Node compose(Path file) {
        try (Reader reader = Files.newBufferedReader(file)) {
            Node root = YamlNodes.compose(reader);
            if (root == null) {
                throw new InventoryException(new Location(file, 1, 1), "the file is empty; expected 'environment:', 'hosts:' and 'services:'");
            }
            return root;
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            Location at = mark == null ? new Location(file, 1, 1) : new Location(file, mark.getLine() + 1, mark.getColumn() + 1);
            String context = e.getContext() == null ? "" : e.getContext() + ": ";
            throw new InventoryException(at, "not valid YAML: " + context + e.getProblem());
        } catch (NoSuchFileException e) {
            throw new OpshException(ExitCode.USAGE, file + ": no such inventory file");
        } catch (IOException e) {
            throw new OpshException(ExitCode.USAGE, file + ": cannot read: " + e.getMessage(), e);
        }
    }

    private Host host(String name, YamlMap h) {
        String address = h.string("address", null);
        if (address == null) {
            throw new InventoryException(h.location(), "host '" + name + "' needs 'address'");
        }
        String key = h.string("key", null);
        return new Host(name, address, h.string("user", System.getProperty("user.name")), port(h, "port", 22),
                key == null ? null : resolvePath(h.file(), key).toString(), h.bool("local", false));
    }

    private Service service(String name, YamlMap s, Map<String, Host> hosts, Deadlines inherited) {
        String what = "service '" + name + "'";
        String type = s.string("type", name);
        List<String> serviceHosts = new ArrayList<>(s.strings("hosts"));
        if (s.has("host")) {
            if (s.has("hosts")) {
                throw s.error(s.value("host"), what + " has both 'host' and 'hosts'; use one");
            }
            serviceHosts.add(s.string("host", null));
        }
        if (serviceHosts.isEmpty()) {
            throw new InventoryException(s.location(), what + " needs 'hosts: [NAME, ...]'");
        }
        checkHosts(s, s.has("host") ? s.value("host") : s.value("hosts"), serviceHosts, hosts, what);

        Map<String, Integer> ports = new LinkedHashMap<>();
        YamlMap portMap = s.map("ports", what + " ports", null);
        if (portMap != null) {
            for (String key : portMap.keys()) {
                ports.put(key, port(portMap, key, 0));
            }
        }
        SecretRef password = secret(s, "password", what);
        String unit = s.string("unit", null);
        YamlMap commandMap = s.map("commands", what + " commands", COMMAND_KEYS);
        ServiceCommands commands = unit == null ? null : ServiceCommands.systemd(unit);
        if (commandMap != null) {
            ServiceCommands base = commands == null ? new ServiceCommands(null, null, null) : commands;
            commands = new ServiceCommands(commandMap.string("kill", base.kill()), commandMap.string("stop", base.stop()),
                    commandMap.string("start", base.start()));
        }
        Map<String, Long> thresholds = new LinkedHashMap<>();
        YamlMap thresholdMap = s.map("thresholds", what + " thresholds", null);
        if (thresholdMap != null) {
            for (String key : thresholdMap.keys()) {
                thresholds.put(key, (long) thresholdMap.integer(key, 0));
            }
        }
        Map<String, String> settings = new LinkedHashMap<>();
        for (String key : SETTING_KEYS) {
            if (s.has(key)) {
                settings.put(key, s.string(key, null));
            }
        }
        return new Service(name, type, List.copyOf(serviceHosts), port(s, "port", 0), Map.copyOf(ports),
                s.string("user", null), password, unit, commands, s.string("impact", null), Map.copyOf(thresholds),
                Map.copyOf(settings), deadlines(s.map("deadlines", what + " deadlines", DEADLINE_KEYS), inherited));
    }

    private static SecretRef secret(YamlMap s, String key, String what) {
        if (!s.has(key)) {
            return null;
        }
        Node node = s.value(key);
        String value = s.string(key, null);
        if (value.startsWith("env:") && value.length() > 4 || value.startsWith("file:") && value.length() > 5) {
            return new SecretRef(value, s.at(node));
        }
        throw s.error(node, what + " has a literal " + key + "; credentials are references, never values: write '"
                + key + ": env:VARIABLE' to read it from the environment or '" + key + ": file:/path/to/secret' to read it from a file");
    }

    private static void checkHosts(YamlMap at, Node node, List<String> names, Map<String, Host> hosts, String what) {
        for (String host : names) {
            if (!hosts.containsKey(host)) {
                throw at.error(node, what + " names unknown host '" + host + "'" + DidYouMean.hint(host, hosts.keySet()));
            }
        }
    }

    private static int port(YamlMap m, String key, int orElse) {
        int port = m.integer(key, orElse);
        if (m.has(key) && (port < 1 || port > 65535)) {
            throw m.error(m.value(key), "'" + key + "' must be a port between 1 and 65535, found " + port);
        }
        return port;
    }

    private static Deadlines deadlines(YamlMap d, Deadlines inherited) {
        if (d == null) {
            return inherited;
        }
        return new Deadlines(duration(d, "connect", inherited.connect()), duration(d, "read", inherited.read()),
                duration(d, "health", inherited.health()));
    }

    private static Duration duration(YamlMap m, String key, Duration orElse) {
        String text = m.string(key, null);
        if (text == null) {
            return orElse;
        }
        Duration d = Durations.parse(text);
        if (d == null || d.isZero()) {
            throw m.error(m.value(key), "'" + key + "' must be a duration such as 500ms, 2s, 5m or 24h, found '" + text + "'");
        }
        return d;
    }

    private static SshSettings ssh(Path file, YamlMap s) {
        String defaultKnownHosts = Path.of(System.getProperty("user.home"), ".ssh", "known_hosts").toString();
        if (s == null) {
            return new SshSettings(defaultKnownHosts, 10, Duration.ofSeconds(30));
        }
        String knownHosts = s.string("knownHosts", null);
        int forks = s.integer("forks", 10);
        if (forks < 1) {
            throw s.error(s.value("forks"), "'forks' must be at least 1, found " + forks);
        }
        return new SshSettings(knownHosts == null ? defaultKnownHosts : resolvePath(file, knownHosts).toString(), forks,
                duration(s, "timeout", Duration.ofSeconds(30)));
    }

    private static BackupPolicy backup(YamlMap b, Map<String, Host> hosts) {
        if (b == null) {
            return null;
        }
        boolean local = b.bool("local", false);
        String host = b.string("host", null);
        if (local == (host != null)) {
            throw new InventoryException(b.location(),
                    "backup needs exactly one of 'host: NAME' (run pgbackrest over SSH) or 'local: true'");
        }
        if (host != null && !hosts.containsKey(host)) {
            throw b.error(b.value("host"), "backup names unknown host '" + host + "'" + DidYouMean.hint(host, hosts.keySet()));
        }
        String stanza = b.string("stanza", null);
        if (stanza == null) {
            throw new InventoryException(b.location(), "backup needs 'stanza'");
        }
        return new BackupPolicy(host, local, stanza, duration(b, "maxAge", Duration.ofHours(24)), b.string("command", "pgbackrest"));
    }

    private static Path resolvePath(Path inventoryFile, String path) {
        if (path.startsWith("~/")) {
            return Path.of(System.getProperty("user.home"), path.substring(2));
        }
        Path p = Path.of(path);
        return p.isAbsolute() ? p : inventoryFile.toAbsolutePath().getParent().resolve(p).normalize();
    }
}
