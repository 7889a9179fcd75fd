package dev.opsh.adapters.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QueuePageTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode sample(String name) throws IOException {
        try (InputStream in = QueuePageTest.class.getResourceAsStream(name)) {
            return JSON.readTree(in);
        }
    }

    @Test
    void readsAPageOfQueuesWithoutTrafficAsZeroRates() throws IOException {
        QueuePage page = QueuePage.parse(sample("queues-page1-of-2.json"), Map.of());

        assertThat(page.page()).isEqualTo(1);
        assertThat(page.pageCount()).isEqualTo(2);
        assertThat(page.queues()).extracting(QueueInfo::name).containsExactly("dmca_propagation", "search_index_updates");
        QueueInfo dmca = page.queues().get(0);
        assertThat(dmca.vhost()).isEqualTo("/");
        assertThat(dmca.state()).isEqualTo("running");
        assertThat(dmca.publishRate()).isZero();
        assertThat(dmca.deliverRate()).isZero();
        assertThat(dmca.threshold()).isNull();
        assertThat(dmca.overThreshold()).isFalse();
    }

    @Test
    void readsRatesAndMarksAQueueOverItsThreshold() throws IOException {
        QueuePage page = QueuePage.parse(sample("queues-page2-of-2.json"), Map.of("transcode_jobs", 5L));

        QueueInfo transcode = page.queues().get(0);
        assertThat(transcode.ready()).isEqualTo(7);
        assertThat(transcode.unacked()).isZero();
        assertThat(transcode.consumers()).isZero();
        assertThat(transcode.publishRate()).isEqualTo(4.2);
        assertThat(transcode.deliverRate()).isEqualTo(1.4);
        assertThat(transcode.threshold()).isEqualTo(5L);
        assertThat(transcode.overThreshold()).isTrue();
        assertThat(page.page()).isEqualTo(2);
    }

    @Test
    void aQueueAtItsThresholdIsNotOver() throws IOException {
        QueuePage page = QueuePage.parse(sample("queues-page2-of-2.json"), Map.of("transcode_jobs", 7L));

        assertThat(page.queues().get(0).overThreshold()).isFalse();
    }

    @Test
    void anUnpagedArrayIsOnePage() throws IOException {
        JsonNode items = sample("queues-page2-of-2.json").path("items");

        QueuePage page = QueuePage.parse(items, Map.of());

        assertThat(page.queues()).hasSize(1);
        assertThat(page.pageCount()).isEqualTo(1);
    }

    @Test
    void anAnswerWithoutItemsIsRefused() throws IOException {
        JsonNode error = JSON.readTree("{\"error\":\"Object Not Found\",\"reason\":\"Not Found\"}");

        assertThatThrownBy(() -> QueuePage.parse(error, Map.of()))
                .isInstanceOf(IOException.class).hasMessageContaining("no 'items'");
    }

    @Test
    void depthIsReadyPlusUnacked() {
        QueueInfo q = new QueueInfo("/", "q", 3, 4, 1, 0, 0, "running", null, false);

        assertThat(q.depth()).isEqualTo(7);
    }

    @Test
    void vhostsAreEscapedAsOnePathSegment() {
        assertThat(ManagementApi.segment("/")).isEqualTo("%2F");
        assertThat(ManagementApi.segment("my vhost")).isEqualTo("my%20vhost");
    }
}
