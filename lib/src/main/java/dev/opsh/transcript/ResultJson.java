package dev.opsh.transcript;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalAmount;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a typed result into JSON. Records, collections, maps, arrays, scalars, enums and java.time
 * values go through Jackson; any other object (a client, a closure, a Groovy object) is recorded by
 * its {@code toString()}, so that recording a result never calls a getter that touches the network.
 */
final class ResultJson {
    private ResultJson() {}

    static JsonNode toTree(Object value) {
        if (value == null) {
            return JsonNodeFactory.instance.nullNode();
        }
        if (value instanceof Optional<?> optional) {
            return toTree(optional.orElse(null));
        }
        if (value instanceof CharSequence text) {
            return TextNode.valueOf(text.toString());
        }
        // The commonest scalars, as the mapper would make them, without making the mapper.
        if (value instanceof Integer i) {
            return JsonNodeFactory.instance.numberNode(i);
        }
        if (value instanceof Long l) {
            return JsonNodeFactory.instance.numberNode(l);
        }
        if (value instanceof Double d) {
            return JsonNodeFactory.instance.numberNode(d);
        }
        if (value instanceof Boolean b) {
            return JsonNodeFactory.instance.booleanNode(b);
        }
        if (!isPlainData(value)) {
            return TextNode.valueOf(String.valueOf(value));
        }
        try {
            return TranscriptJson.MAPPER.valueToTree(value);
        } catch (IllegalArgumentException | StackOverflowError e) {
            return TextNode.valueOf(String.valueOf(value));
        }
    }

    private static boolean isPlainData(Object value) {
        return value instanceof JsonNode || value instanceof Record || value instanceof Iterable<?>
                || value instanceof Map<?, ?> || value.getClass().isArray() || value instanceof Number
                || value instanceof Boolean || value instanceof Character || value instanceof Enum<?>
                || value instanceof TemporalAccessor || value instanceof TemporalAmount;
    }
}
