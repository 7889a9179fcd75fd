package dev.opsh.adapters.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opsh.OpshException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Replies captured from Redis 7.0.15 (raw, with their CRLF line ends). */
class RedisRepliesTest {
    private static String sample(String name) {
        try (InputStream in = RedisRepliesTest.class.getResourceAsStream("/redis/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void infoIsFieldToValueWithoutHeaders() {
        Map<String, String> info = RedisReplies.info(sample("info-memory.txt"));

        assertThat(info).containsEntry("used_memory", "1061056")
                .containsEntry("used_memory_human", "1.01M")
                .containsEntry("maxmemory_policy", "noeviction")
                .doesNotContainKey("# Memory");
        assertThat(info.values()).noneMatch(v -> v.endsWith("\r"));
        assertThat(info.keySet()).first().isEqualTo("used_memory");
    }

    @Test
    void memoryIsTyped() {
        RedisMemory memory = RedisReplies.memory(RedisReplies.info(sample("info-memory.txt")));

        assertThat(memory.usedMemory()).isEqualTo(1061056);
        assertThat(memory.usedMemoryHuman()).isEqualTo("1.01M");
        assertThat(memory.maxmemory()).isZero();
        assertThat(memory.maxmemoryPolicy()).isEqualTo("noeviction");
        assertThat(memory.usedMemoryRss()).isPositive();
        assertThat(memory.fragmentationRatio()).isPositive();
    }

    @Test
    void aMissingFieldIsAnErrorNotAZero() {
        assertThatThrownBy(() -> RedisReplies.memory(Map.of("used_memory", "12")))
                .isInstanceOf(OpshException.class)
                .hasMessage("the redis reply lacks the field 'used_memory_human'");
    }

    @Test
    void clientListIsOneRecordPerConnection() {
        List<ConnectedClient> clients = RedisReplies.clients(sample("client-list.txt"));

        assertThat(clients).containsExactly(
                new ConnectedClient(6, "127.0.0.1:41062", "upload-worker", "default", 2, Duration.ofSeconds(2),
                        Duration.ofSeconds(2), "N", "select", 22272),
                new ConnectedClient(7, "127.0.0.1:41068", "", "default", 0, Duration.ofSeconds(1), Duration.ZERO, "N",
                        "client|list", 37658));
    }
}
