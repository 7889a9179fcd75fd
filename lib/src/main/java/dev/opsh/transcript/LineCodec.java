package dev.opsh.transcript;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;

/**
 * The bytes of one line: a JSON object whose first fields are {@code type, seq, t, at, prev}, then
 * the event's own fields, and last {@code "hash"}, the SHA-256 of the line as it reads without
 * that last field. The fixed-length tail makes the self-check a byte operation.
 */
final class LineCodec {
    /** The {@code prev} of the header: no line precedes it. */
    static final String ANCHOR = "0".repeat(64);
    private static final byte[] HASH_KEY = ",\"hash\":\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CLOSE = {'}'};
    /** {@code ,"hash":"} + 64 hex digits + {@code "}}. */
    static final int TAIL = HASH_KEY.length + 64 + 2;

    /** Jackson's streaming core alone, with the mapper's defaults for what it writes. */
    private static final JsonFactory JSON = new JsonFactory();

    private LineCodec() {}

    /**
     * The line for {@code event}, without its newline, with every string in the event redacted. It
     * is written with Jackson's streaming generator: the bytes the transcript's mapper wrote, without
     * making the mapper, which the first line of every session would wait for, unless the event
     * carries a JSON tree (a result). One difference from the mapper's lines: the event's own field
     * names and numbers are opsh's and are never masked, since a masked one would make the line
     * unreadable as its event, and replay would lose it.
     */
    static byte[] encode(long seq, long t, Instant at, String prev, TranscriptEvent event, Redactor redactor) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (JsonGenerator out = JSON.createGenerator(bytes)) {
            out.writeStartObject();
            EventFields fields = EventFields.of(event.getClass());
            out.writeStringField("type", fields.type());
            out.writeNumberField("seq", seq);
            out.writeNumberField("t", t);
            out.writeStringField("at", at.toString());
            out.writeStringField("prev", prev);
            for (EventFields.Field field : fields.fields()) {
                out.writeFieldName(field.name());
                writeValue(out, field.value(event), redactor);
            }
            out.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException("a transcript line could not be written to memory", e);
        }
        byte[] body = bytes.toByteArray();
        String hash = Sha256.hex(body);
        byte[] out = Arrays.copyOf(body, body.length - 1 + TAIL);
        int at0 = body.length - 1;
        System.arraycopy(HASH_KEY, 0, out, at0, HASH_KEY.length);
        byte[] hex = hash.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(hex, 0, out, at0 + HASH_KEY.length, hex.length);
        out[out.length - 2] = '"';
        out[out.length - 1] = '}';
        return out;
    }

    /** One field's value: a string redacted, an event's own number as it is, a result's tree by {@link TreeRedaction}. */
    private static void writeValue(JsonGenerator out, Object value, Redactor redactor) throws IOException {
        if (value == null) {
            out.writeNull();
        } else if (value instanceof String || value instanceof UUID || value instanceof Instant) {
            out.writeString(redactor.redact(value.toString()));
        } else if (value instanceof Integer || value instanceof Long) {
            out.writeNumber(((Number) value).longValue());
        } else if (value instanceof Boolean b) {
            out.writeBoolean(b);
        } else {
            JsonNode tree = value instanceof JsonNode node ? node : TranscriptJson.MAPPER.valueToTree(value);
            writeTree(out, TreeRedaction.redact(tree, redactor));
        }
    }

    /** A JSON tree, as the mapper writes it; only a tree holding Java objects needs the mapper. */
    private static void writeTree(JsonGenerator out, JsonNode node) throws IOException {
        switch (node.getNodeType()) {
            case OBJECT -> {
                out.writeStartObject();
                for (Map.Entry<String, JsonNode> field : node.properties()) {
                    out.writeFieldName(field.getKey());
                    writeTree(out, field.getValue());
                }
                out.writeEndObject();
            }
            case ARRAY -> {
                out.writeStartArray();
                for (JsonNode element : node) {
                    writeTree(out, element);
                }
                out.writeEndArray();
            }
            case STRING -> out.writeString(node.textValue());
            case BOOLEAN -> out.writeBoolean(node.booleanValue());
            case NULL, MISSING -> out.writeNull();
            case NUMBER -> {
                switch (node.numberType()) {
                    case INT -> out.writeNumber(node.intValue());
                    case LONG -> out.writeNumber(node.longValue());
                    case BIG_INTEGER -> out.writeNumber(node.bigIntegerValue());
                    case FLOAT -> out.writeNumber(node.floatValue());
                    case DOUBLE -> out.writeNumber(node.doubleValue());
                    default -> out.writeNumber(node.decimalValue());
                }
            }
            default -> TranscriptJson.MAPPER.writeTree(out, node);
        }
    }

    /** Whether the line ends in a {@code hash} field that matches the rest of it. */
    static boolean selfConsistent(byte[] line, int length) {
        if (!hasHashTail(line, length)) {
            return false;
        }
        int bodyEnd = length - TAIL;
        String expected = new String(line, bodyEnd + HASH_KEY.length, 64, StandardCharsets.US_ASCII);
        return Sha256.hex(line, bodyEnd, CLOSE).equals(expected);
    }

    /** Whether the line has the shape of the hash tail at its end, whatever the digits say. */
    static boolean hasHashTail(byte[] line, int length) {
        if (length < TAIL + 2 || line[0] != '{' || line[length - 1] != '}' || line[length - 2] != '"') {
            return false;
        }
        int start = length - TAIL;
        for (int i = 0; i < HASH_KEY.length; i++) {
            if (line[start + i] != HASH_KEY[i]) {
                return false;
            }
        }
        return true;
    }

    /** The envelope of a line, or null if the line is not one well-formed JSON object. */
    static Envelope envelope(byte[] line, int length) {
        try (JsonParser parser = TranscriptJson.MAPPER.getFactory().createParser(line, 0, length)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            Envelope.Builder envelope = new Envelope.Builder();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (value.isStructStart()) {
                    parser.skipChildren();
                } else {
                    envelope.field(name, parser);
                }
            }
            return parser.currentToken() == JsonToken.END_OBJECT && parser.nextToken() == null ? envelope.build() : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** The entry of a line, or null if it is not a well-formed, known event. */
    static Entry decode(byte[] line, int length) {
        Envelope envelope = envelope(line, length);
        if (envelope == null || envelope.seq() < 0) {
            return null;
        }
        try {
            TranscriptEvent event = TranscriptJson.MAPPER.readValue(line, 0, length, TranscriptEvent.class);
            return new Entry(envelope.seq(), envelope.t(), Instant.parse(envelope.at()), envelope.prev(), event);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
