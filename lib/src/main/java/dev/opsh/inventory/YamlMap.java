package dev.opsh.inventory;

import dev.opsh.text.DidYouMean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A YAML mapping read strictly: every key must be known, and every error names the file, line
 * and column of the offending node.
 */
final class YamlMap {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([a-z]+):([^}]+)}");

    private final Path file;
    private final Placeholders placeholders;
    private final Node node;
    private final Map<String, NodeTuple> entries = new LinkedHashMap<>();

    YamlMap(Path file, Placeholders placeholders, Node node, String what, Set<String> allowedKeys) {
        this.file = file;
        this.placeholders = placeholders;
        this.node = node;
        if (!(node instanceof MappingNode mapping)) {
            throw error(node, what + " must be a mapping of key: value, found " + describe(node));
        }
        for (NodeTuple tuple : mapping.getValue()) {
            String key = scalar(tuple.getKeyNode(), "a key");
            if (allowedKeys != null && !allowedKeys.contains(key)) {
                throw error(tuple.getKeyNode(), "unknown key '" + key + "' in " + what + DidYouMean.hint(key, allowedKeys));
            }
            if (entries.put(key, tuple) != null) {
                throw error(tuple.getKeyNode(), "duplicate key '" + key + "' in " + what);
            }
        }
    }

    Path file() {
        return file;
    }

    Location location() {
        return at(node);
    }

    Set<String> keys() {
        return entries.keySet();
    }

    boolean has(String key) {
        return entries.containsKey(key);
    }

    Node value(String key) {
        NodeTuple tuple = entries.get(key);
        return tuple == null ? null : tuple.getValueNode();
    }

    Location keyLocation(String key) {
        return at(entries.get(key).getKeyNode());
    }

    Node required(String key, String what) {
        Node value = value(key);
        if (value == null) {
            throw error(node, what + " needs '" + key + "'");
        }
        return value;
    }

    String string(String key, String orElse) {
        Node value = value(key);
        return value == null ? orElse : scalar(value, "'" + key + "'");
    }

    int integer(String key, int orElse) {
        Node value = value(key);
        if (value == null) {
            return orElse;
        }
        String text = scalar(value, "'" + key + "'");
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw error(value, "'" + key + "' must be a whole number, found '" + text + "'");
        }
    }

    boolean bool(String key, boolean orElse) {
        Node value = value(key);
        if (value == null) {
            return orElse;
        }
        String text = scalar(value, "'" + key + "'");
        return switch (text) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw error(value, "'" + key + "' must be true or false, found '" + text + "'");
        };
    }

    YamlMap map(String key, String what, Set<String> allowedKeys) {
        Node value = value(key);
        return value == null ? null : new YamlMap(file, placeholders, value, what, allowedKeys);
    }

    /** A list of scalars; a single scalar counts as a list of one. */
    List<String> strings(String key) {
        Node value = value(key);
        if (value == null) {
            return List.of();
        }
        if (value instanceof ScalarNode) {
            return List.of(scalar(value, "'" + key + "'"));
        }
        if (!(value instanceof SequenceNode sequence)) {
            throw error(value, "'" + key + "' must be a list, found " + describe(value));
        }
        List<String> result = new ArrayList<>();
        for (Node item : sequence.getValue()) {
            result.add(scalar(item, "an item of '" + key + "'"));
        }
        return result;
    }

    String scalar(Node value, String what) {
        if (!(value instanceof ScalarNode scalar)) {
            throw error(value, what + " must be a single value, found " + describe(value));
        }
        String text = scalar.getValue();
        if (!text.contains("${")) {
            return text;
        }
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String resolved = placeholders.lookup(m.group(1), m.group(2));
            if (resolved == null) {
                throw error(value, "unknown placeholder '" + m.group() + "'");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(resolved));
        }
        m.appendTail(out);
        return out.toString();
    }

    Location at(Node value) {
        return new Location(file, value.getStartMark().getLine() + 1, value.getStartMark().getColumn() + 1);
    }

    InventoryException error(Node at, String message) {
        return new InventoryException(at(at), message);
    }

    private static String describe(Node node) {
        if (node instanceof MappingNode) return "a mapping";
        if (node instanceof SequenceNode) return "a list";
        return "'" + ((ScalarNode) node).getValue() + "'";
    }
}
