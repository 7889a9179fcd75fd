package dev.opsh.adapters.rabbitmq;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One page of {@code GET /api/queues?page=N&page_size=M&columns=...}: the queues on it and how
 * many pages there are. Thresholds are applied while reading, so each row is complete.
 */
record QueuePage(List<QueueInfo> queues, int page, int pageCount) {
    /** The columns {@link #parse} reads; the API is asked for these alone. */
    static final String COLUMNS = "name,vhost,messages_ready,messages_unacknowledged,consumers,state,"
            + "message_stats.publish_details.rate,message_stats.deliver_get_details.rate";

    /** Reads a page; an unpaged answer (a plain array, as some proxies return) is one page. */
    static QueuePage parse(JsonNode json, Map<String, Long> thresholds) throws IOException {
        JsonNode items = json.isArray() ? json : json.path("items");
        if (!items.isArray()) {
            throw new IOException("the queue listing has no 'items' array");
        }
        List<QueueInfo> queues = new ArrayList<>(items.size());
        for (JsonNode q : items) {
            String name = q.path("name").asText();
            long ready = q.path("messages_ready").asLong();
            Long threshold = thresholds.get(name);
            queues.add(new QueueInfo(q.path("vhost").asText(), name, ready, q.path("messages_unacknowledged").asLong(),
                    q.path("consumers").asInt(), q.path("message_stats").path("publish_details").path("rate").asDouble(),
                    q.path("message_stats").path("deliver_get_details").path("rate").asDouble(),
                    q.path("state").asText(null), threshold, threshold != null && ready > threshold));
        }
        int page = json.path("page").asInt(1);
        return new QueuePage(queues, page, json.path("page_count").asInt(page));
    }
}
