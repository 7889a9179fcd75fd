package dev.opsh.transcript;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;

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

    private LineCodec() {}

    /** The line for {@code event}, without its newline, with every string in the event redacted. */
    static byte[] encode(long seq, long t, Instant at, String prev, TranscriptEvent event, Redactor redactor) {
        ObjectNode payload = TranscriptJson.MAPPER.valueToTree(event);
        ObjectNode line = TranscriptJson.MAPPER.createObjectNode();
        line.set("type", payload.remove("type"));
        line.put("seq", seq);
        line.put("t", t);
        line.put("at", at.toString());
        line.put("prev", prev);
        for (Map.Entry<String, JsonNode> field : payload.properties()) {
            line.set(redactor.redact(field.getKey()), TreeRedaction.redact(field.getValue(), redactor));
        }
        byte[] body;
        try {
            body = TranscriptJson.MAPPER.writeValueAsBytes(line);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree could not be written", e);
        }
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
