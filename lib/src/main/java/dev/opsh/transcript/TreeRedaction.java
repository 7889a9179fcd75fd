package dev.opsh.transcript;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Map;

/**
 * A JSON tree with every string and field name passed through a {@link Redactor}; the value of a
 * field named like a credential, and a number that is a secret, are masked whole.
 */
final class TreeRedaction {
    private TreeRedaction() {}

    static JsonNode redact(JsonNode node, Redactor redactor) {
        return redact(null, node, redactor);
    }

    /** {@code node}, found under the field {@code name} (null in an array or at the top). */
    private static JsonNode redact(String name, JsonNode node, Redactor redactor) {
        if (name != null && node.isValueNode() && !node.isNull()) {
            String text = node.asText();
            String masked = redactor.redactField(name, text);
            if (!masked.equals(text)) {
                return TextNode.valueOf(masked);
            }
        }
        if (node.isTextual()) {
            String text = node.asText();
            String masked = redactor.redact(text);
            return masked.equals(text) ? node : TextNode.valueOf(masked);
        }
        if (node.isNumber()) {
            return redactor.isSecret(node.asText()) ? TextNode.valueOf(Redactor.MASK) : node;
        }
        if (node instanceof ArrayNode array) {
            ArrayNode out = array.arrayNode(array.size());
            array.forEach(element -> out.add(redact(element, redactor)));
            return out;
        }
        if (node instanceof ObjectNode object) {
            ObjectNode out = object.objectNode();
            for (Map.Entry<String, JsonNode> field : object.properties()) {
                out.set(redactor.redact(field.getKey()), redact(field.getKey(), field.getValue(), redactor));
            }
            return out;
        }
        return node;
    }
}
