package dev.opsh.inventory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads hosts and groups from an existing Ansible inventory, YAML or INI, so a team reuses what it
 * has. Understood host variables: {@code ansible_host}, {@code ansible_user}, {@code ansible_port},
 * {@code ansible_ssh_private_key_file}; group variables apply to the group's hosts. Other variables
 * are ignored.
 */
final class AnsibleImporter {
    record Imported(Map<String, Host> hosts, Map<String, List<String>> groups) {}

    /** Everything gathered before hosts are built: per-host and per-group variables and memberships. */
    private static final class Draft {
        final Map<String, Map<String, String>> hostVars = new LinkedHashMap<>();
        final Map<String, Set<String>> groupHosts = new LinkedHashMap<>();
        final Map<String, Set<String>> groupChildren = new LinkedHashMap<>();
        final Map<String, Map<String, String>> groupVars = new LinkedHashMap<>();
        final Map<String, Location> hostLocations = new LinkedHashMap<>();

        void addHost(String group, String host, Location at) {
            hostVars.computeIfAbsent(host, h -> new LinkedHashMap<>());
            hostLocations.putIfAbsent(host, at);
            groupHosts.computeIfAbsent(group, g -> new LinkedHashSet<>()).add(host);
        }
    }

    Imported load(Path file, Location referencedAt) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new InventoryException(referencedAt, "the Ansible inventory " + file + " does not exist");
        } catch (IOException e) {
            throw new InventoryException(referencedAt, "the Ansible inventory " + file + " cannot be read: " + e.getMessage());
        }
        String name = file.getFileName().toString();
        Draft draft = name.endsWith(".yml") || name.endsWith(".yaml") ? yaml(file, text) : ini(file, text);
        return build(draft);
    }

    private static Draft ini(Path file, String text) {
        Draft draft = new Draft();
        String section = "ungrouped";
        String kind = "hosts";
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            Location at = new Location(file, i + 1, 1);
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            if (line.startsWith("[")) {
                if (!line.endsWith("]") || line.length() < 3) {
                    throw new InventoryException(at, "expected a section header such as [webservers], found '" + line + "'");
                }
                String header = line.substring(1, line.length() - 1);
                int colon = header.indexOf(':');
                section = colon < 0 ? header : header.substring(0, colon);
                kind = colon < 0 ? "hosts" : header.substring(colon + 1);
                if (!Set.of("hosts", "vars", "children").contains(kind)) {
                    throw new InventoryException(new Location(file, i + 1, colon + 3),
                            "expected [group], [group:vars] or [group:children], found '" + line + "'");
                }
                draft.groupHosts.computeIfAbsent(section, g -> new LinkedHashSet<>());
                continue;
            }
            switch (kind) {
                case "vars" -> {
                    String[] kv = keyValue(line, at);
                    draft.groupVars.computeIfAbsent(section, g -> new LinkedHashMap<>()).put(kv[0], kv[1]);
                }
                case "children" -> draft.groupChildren.computeIfAbsent(section, g -> new LinkedHashSet<>()).add(line.split("\\s+")[0]);
                default -> {
                    String[] words = line.split("\\s+");
                    draft.addHost(section, words[0], at);
                    for (int w = 1; w < words.length; w++) {
                        String[] kv = keyValue(words[w], new Location(file, i + 1, lines[i].indexOf(words[w]) + 1));
                        draft.hostVars.get(words[0]).put(kv[0], kv[1]);
                    }
                }
            }
        }
        return draft;
    }

    private static String[] keyValue(String text, Location at) {
        int eq = text.indexOf('=');
        if (eq <= 0) {
            throw new InventoryException(at, "expected name=value, found '" + text + "'");
        }
        return new String[] {text.substring(0, eq).strip(), unquote(text.substring(eq + 1).strip())};
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"") || value.startsWith("'") && value.endsWith("'"))) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }

    private static Draft yaml(Path file, String text) {
        Node root;
        try {
            root = YamlNodes.compose(new java.io.StringReader(text));
        } catch (MarkedYAMLException e) {
            var mark = e.getProblemMark();
            throw new InventoryException(new Location(file, mark.getLine() + 1, mark.getColumn() + 1), "not valid YAML: " + e.getProblem());
        }
        Draft draft = new Draft();
        if (root == null) {
            return draft;
        }
        YamlMap top = new YamlMap(file, Placeholders.NONE, root, "the Ansible inventory", null);
        for (String group : top.keys()) {
            yamlGroup(file, group, top.value(group), draft);
        }
        return draft;
    }

    private static void yamlGroup(Path file, String group, Node node, Draft draft) {
        draft.groupHosts.computeIfAbsent(group, g -> new LinkedHashSet<>());
        if (node instanceof ScalarNode scalar && scalar.getValue().isEmpty() || node == null) {
            return;
        }
        YamlMap g = new YamlMap(file, Placeholders.NONE, node, "Ansible group '" + group + "'", Set.of("hosts", "vars", "children"));
        YamlMap hosts = optionalMap(g, "hosts", "the hosts of Ansible group '" + group + "'");
        if (hosts != null) {
            for (String host : hosts.keys()) {
                Node vars = hosts.value(host);
                draft.addHost(group, host, hosts.keyLocation(host));
                YamlMap v = vars instanceof MappingNode ? new YamlMap(file, Placeholders.NONE, vars, "host '" + host + "'", null) : null;
                if (v != null) {
                    for (String key : v.keys()) {
                        draft.hostVars.get(host).put(key, v.string(key, ""));
                    }
                }
            }
        }
        YamlMap vars = optionalMap(g, "vars", "the vars of Ansible group '" + group + "'");
        if (vars != null) {
            for (String key : vars.keys()) {
                if (vars.value(key) instanceof ScalarNode) {
                    draft.groupVars.computeIfAbsent(group, x -> new LinkedHashMap<>()).put(key, vars.string(key, ""));
                }
            }
        }
        YamlMap children = optionalMap(g, "children", "the children of Ansible group '" + group + "'");
        if (children != null) {
            for (String child : children.keys()) {
                draft.groupChildren.computeIfAbsent(group, x -> new LinkedHashSet<>()).add(child);
                yamlGroup(file, child, children.value(child), draft);
            }
        }
    }

    private static YamlMap optionalMap(YamlMap parent, String key, String what) {
        Node node = parent.value(key);
        if (node == null || node instanceof ScalarNode s && s.getValue().isEmpty()) {
            return null;
        }
        return new YamlMap(parent.file(), Placeholders.NONE, node, what, null);
    }

    private static Imported build(Draft draft) {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        for (String group : draft.groupHosts.keySet()) {
            groups.put(group, List.copyOf(members(group, draft, new LinkedHashSet<>())));
        }
        Map<String, Host> hosts = new LinkedHashMap<>();
        for (var entry : draft.hostVars.entrySet()) {
            String name = entry.getKey();
            Map<String, String> vars = new LinkedHashMap<>();
            // Outer groups first, so that the nearer group's and the host's own variables win.
            draft.groupVars.getOrDefault("all", Map.of()).forEach(vars::put);
            for (String group : groups.keySet()) {
                if (!group.equals("all") && groups.get(group).contains(name)) {
                    vars.putAll(draft.groupVars.getOrDefault(group, Map.of()));
                }
            }
            vars.putAll(entry.getValue());
            hosts.put(name, host(name, vars, draft.hostLocations.get(name)));
        }
        groups.remove("ungrouped");
        return new Imported(hosts, groups);
    }

    private static Set<String> members(String group, Draft draft, Set<String> visiting) {
        Set<String> result = new LinkedHashSet<>(draft.groupHosts.getOrDefault(group, Set.of()));
        if (visiting.add(group)) {
            for (String child : draft.groupChildren.getOrDefault(group, Set.of())) {
                result.addAll(members(child, draft, visiting));
            }
        }
        return result;
    }

    private static Host host(String name, Map<String, String> vars, Location at) {
        String port = vars.getOrDefault("ansible_port", "22");
        int p;
        try {
            p = Integer.parseInt(port);
        } catch (NumberFormatException e) {
            throw new InventoryException(at, "ansible_port of host '" + name + "' must be a number, found '" + port + "'");
        }
        String key = vars.get("ansible_ssh_private_key_file");
        if (key != null && key.startsWith("~/")) {
            key = Path.of(System.getProperty("user.home"), key.substring(2)).toString();
        }
        return new Host(name, vars.getOrDefault("ansible_host", name), vars.getOrDefault("ansible_user", System.getProperty("user.name")),
                p, key, false);
    }
}
