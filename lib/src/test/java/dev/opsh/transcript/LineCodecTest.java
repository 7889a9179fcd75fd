package dev.opsh.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The streaming encoder writes, byte for byte, what the transcript's Jackson mapper wrote for the same
 * event, but for the event's own field names and numbers, which it never masks.
 */
class LineCodecTest {
    private static final Instant AT = Instant.parse("2026-12-01T15:04:05.123456Z");
    private final Redactor redactor = new Redactor(() -> Set.of("hunter2", "424242"));

    @Test
    void everyEventTypeIsWrittenAsTheMapperWritesIt() {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("name", "db ✓ \"quoted\"");
        result.put("password", "plain");
        result.put("nested", List.of(Map.of("url", "postgres://opsh:hunter2@db:5432/x"), 424242, 1.5));
        result.put("numbers", List.of(Long.MAX_VALUE, new java.math.BigDecimal("12.50"), new java.math.BigInteger("123456789012345678901234567890"),
                2.5f, (short) 3, Double.NaN, -0.0));
        result.put("flags", Arrays.asList(true, false, null));
        result.put("when", AT);
        result.put("empty", Map.of());
        List<TranscriptEvent> events = List.of(
                new TranscriptEvent.Header(TranscriptEvent.FORMAT, TranscriptEvent.VERSION, new UUID(7, 9), "prod", "prod",
                        true, "ops", "host-1", "dev", AT, 120, 40),
                new TranscriptEvent.Input("prod  > ", "sql('select 1') // password=hunter2\n\ttab"),
                new TranscriptEvent.Output("\u001b[1;31mred\u001b[0m ünïcode 😀 \u0000 \\ /"),
                TranscriptEvent.Result.of(result),
                TranscriptEvent.Result.of(null),
                TranscriptEvent.Result.of(424242),
                TranscriptEvent.Result.of(42),
                TranscriptEvent.Result.of(42L),
                TranscriptEvent.Result.of(0.1),
                TranscriptEvent.Result.of(true),
                TranscriptEvent.Result.of("text"),
                new TranscriptEvent.Failure("Authorization: Bearer abc.def", null),
                new TranscriptEvent.Guard("kill redis", "refused", "phrase", false),
                new TranscriptEvent.Remote("db-1", "curl https://u:hunter2@x", 7, Long.MAX_VALUE),
                new TranscriptEvent.Marker(""),
                new TranscriptEvent.End(3));
        for (TranscriptEvent event : events) {
            byte[] streamed = LineCodec.encode(5, 1234, AT, LineCodec.ANCHOR, event, redactor);
            assertThat(new String(streamed, StandardCharsets.UTF_8)).as(event.getClass().getSimpleName())
                    .isEqualTo(new String(byTheMapper(5, 1234, AT, LineCodec.ANCHOR, event), StandardCharsets.UTF_8));
            assertThat(LineCodec.selfConsistent(streamed, streamed.length)).isTrue();
            assertThat(LineCodec.decode(streamed, streamed.length)).isNotNull();
        }
    }

    @Test
    void scalarResultsAreTheTreesTheMapperMakes() {
        for (Object value : List.of(42, -7L, Long.MIN_VALUE, 0.1, Double.NaN, true, false)) {
            JsonNode tree = ResultJson.toTree(value);
            assertThat(tree).as(value.getClass().getSimpleName()).isEqualTo(TranscriptJson.MAPPER.valueToTree(value));
            assertThat(tree.getClass()).isEqualTo(TranscriptJson.MAPPER.valueToTree(value).getClass());
        }
    }

    @Test
    void secretsAreMaskedInEveryStringButAnEventsOwnNumbersStayReadable() {
        TranscriptEvent.Remote remote = new TranscriptEvent.Remote("h", "echo hunter2", 7, 424242);
        byte[] line = LineCodec.encode(1, 0, AT, LineCodec.ANCHOR, remote, redactor);
        assertThat(new String(line, StandardCharsets.UTF_8)).doesNotContain("hunter2").contains("\"durationMs\":424242");
        Entry entry = LineCodec.decode(line, line.length);
        assertThat(entry).as("a duration that equals a secret does not make the line unreadable").isNotNull();
        assertThat(entry.event()).isEqualTo(new TranscriptEvent.Remote("h", "echo ***", 7, 424242));
        String result = new String(LineCodec.encode(2, 0, AT, LineCodec.ANCHOR, TranscriptEvent.Result.of(List.of(424242)), redactor),
                StandardCharsets.UTF_8);
        assertThat(result).as("a number inside a result is the operator's data, and masked").contains("[\"***\"]");
    }

    @Test
    void aSecretThatIsAlsoAFieldNameLeavesTheEventReadable() {
        Redactor unlucky = new Redactor(() -> Set.of("text"));
        byte[] line = LineCodec.encode(1, 0, AT, LineCodec.ANCHOR, new TranscriptEvent.Input("lab  > ", "1 + 1"), unlucky);
        assertThat(LineCodec.decode(line, line.length).event()).isEqualTo(new TranscriptEvent.Input("lab  > ", "1 + 1"));
    }

    /** The line as the transcript wrote it with its mapper's trees (format 1, until the streaming encoder). */
    private byte[] byTheMapper(long seq, long t, Instant at, String prev, TranscriptEvent event) {
        try {
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
            byte[] body = TranscriptJson.MAPPER.writeValueAsBytes(line);
            String tail = ",\"hash\":\"" + Sha256.hex(body) + "\"}";
            byte[] out = Arrays.copyOf(body, body.length - 1 + tail.length());
            System.arraycopy(tail.getBytes(StandardCharsets.US_ASCII), 0, out, body.length - 1, tail.length());
            return out;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
