package dev.opsh.transcript;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Map;

/** A JSON tree with every string, field name, and number that is a secret passed through a {@link Redactor}. */
final class TreeRedaction {
    private TreeRedaction() {}

    static JsonNode redact(JsonNode node, Redactor redactor) {
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
                out.set(redactor.redact(field.getKey()), redact(field.getValue(), redactor));
            }
            return out;
        }
        return node;
    }
}
