package dev.opsh.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AsciicastWriterTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void theRecordingReproducesPromptInputAndOutput() throws Exception {
        StringWriter out = new StringWriter();
        AsciicastWriter.write(Sessions.everyType(dir), out, (session, prompt) -> "<" + session.environment() + ">" + prompt,
                Duration.ofSeconds(2));

        List<JsonNode> lines = new ArrayList<>();
        for (String line : out.toString().split("\n")) {
            lines.add(JSON.readTree(line));
        }
        JsonNode header = lines.get(0);
        assertThat(header.path("version").asInt()).isEqualTo(2);
        assertThat(header.path("width").asInt()).isEqualTo(120);
        assertThat(header.path("height").asInt()).isEqualTo(40);
        assertThat(header.path("timestamp").asLong()).isEqualTo(Sessions.START.getEpochSecond());
        assertThat(header.path("idle_time_limit").asDouble()).isEqualTo(2.0);
        assertThat(lines.subList(1, lines.size())).extracting(JsonNode::toString).containsExactly(
                "[0.0,\"o\",\"<staging>staging> \"]",
                "[1.5,\"o\",\"status()\\r\\n\"]",
                "[1.62,\"o\",\"\\u001B[1mSERVICE\\u001B[0m  STATUS\\r\\npostgres UP\\r\\n\"]",
                "[5.62,\"m\",\"checked health\"]",
                "[5.62,\"o\",\"<staging>staging> \"]",
                "[5.62,\"o\",\"restart('redis')\\r\\n\"]",
                "[5.92,\"o\",\"error: restart refused\\r\\n\"]");
    }
}
