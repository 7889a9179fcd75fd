package dev.opsh.lab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Creates the administrator {@code opsh} (password from the lab's secrets), the four durable queues
 * of the RabbitMQ runbook, and persistent messages waiting in each, so that {@code transcode_jobs}
 * is over the lab inventory's threshold of 5.
 */
final class RabbitMqSeed {
    /** The queues and how many messages wait in each after seeding. */
    static final Map<String, Integer> QUEUES = queues();

    private static final ObjectMapper JSON = new ObjectMapper();
    private final LabConfig config;

    RabbitMqSeed(LabConfig config) {
        this.config = config;
    }

    private static Map<String, Integer> queues() {
        Map<String, Integer> queues = new LinkedHashMap<>();
        queues.put("transcode_jobs", 12);
        queues.put("distribution_outbox", 3);
        queues.put("dmca_propagation", 2);
        queues.put("search_index_updates", 7);
        return java.util.Collections.unmodifiableMap(queues);
    }

    void apply() throws IOException, InterruptedException {
        RabbitMqManagement guest = new RabbitMqManagement(config.port("management"), "guest", "guest");
        ObjectNode user = JSON.createObjectNode().put("password", config.rabbitPassword()).put("tags", "administrator");
        expect(guest.put("users/" + LabConfig.APP_USER, user.toString()), "creating user opsh");
        ObjectNode permissions = JSON.createObjectNode().put("configure", ".*").put("write", ".*").put("read", ".*");
        expect(guest.put("permissions/%2F/" + LabConfig.APP_USER, permissions.toString()), "granting opsh on vhost /");

        RabbitMqManagement opsh = new RabbitMqManagement(config.port("management"), LabConfig.APP_USER, config.rabbitPassword());
        for (Map.Entry<String, Integer> queue : QUEUES.entrySet()) {
            String name = queue.getKey();
            expect(opsh.put("queues/%2F/" + name, "{\"durable\":true,\"auto_delete\":false}"), "declaring queue " + name);
            long waiting = depth(opsh, name);
            for (long i = waiting; i < queue.getValue(); i++) {
                ObjectNode message = JSON.createObjectNode();
                message.putObject("properties").put("delivery_mode", 2).put("content_type", "application/json");
                message.put("routing_key", name).put("payload", payload(name, (int) i)).put("payload_encoding", "string");
                expect(opsh.post("exchanges/%2F/amq.default/publish", message.toString()), "publishing to " + name);
            }
        }
        // The management API counts messages once per statistics interval; wait so readers see them.
        Readiness.await("rabbitmq", "the management API's queue depths", java.time.Duration.ofSeconds(15), () -> {
            for (Map.Entry<String, Integer> queue : QUEUES.entrySet()) {
                long depth = depth(opsh, queue.getKey());
                if (depth != queue.getValue()) {
                    return queue.getKey() + " shows " + depth + " messages, expected " + queue.getValue();
                }
            }
            return null;
        });
    }

    private static long depth(RabbitMqManagement api, String queue) throws IOException, InterruptedException {
        RabbitMqManagement.Answer answer = api.get("queues/%2F/" + queue);
        expect(answer, "reading queue " + queue);
        JsonNode messages = JSON.readTree(answer.body()).get("messages");
        return messages == null ? 0 : messages.asLong();
    }

    private static String payload(String queue, int i) {
        String track = String.format("b0000000-0000-4000-8000-0000000%05d", 100 + i);
        ObjectNode body = JSON.createObjectNode().put("track_id", track);
        switch (queue) {
            case "transcode_jobs" -> body.put("profile", i % 2 == 0 ? "hls-aac-128" : "hls-aac-256");
            case "distribution_outbox" -> body.put("platform", i % 2 == 0 ? "spotify" : "soundcloud");
            case "dmca_propagation" -> body.put("action", "takedown").put("claim_id", "DMCA-2026-0" + (140 + i));
            default -> body.put("op", "upsert");
        }
        return body.toString();
    }

    private static void expect(RabbitMqManagement.Answer answer, String what) throws IOException {
        if (!answer.ok()) {
            throw new IOException(what + " on the lab's RabbitMQ answered HTTP " + answer.status() + ": " + answer.body());
        }
    }
}
