package dev.opsh.adapters.rabbitmq;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import dev.opsh.inventory.Secrets;
import dev.opsh.inventory.Service;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Sets up on the lab's RabbitMQ what its seed does not: a vhost of many queues for paging tests
 * and benchmarks, so the runbook's queues in {@code /} stay as seeded.
 */
public final class RabbitAdmin {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private final Service rabbit;
    private final String password;

    public RabbitAdmin(Service rabbit) {
        this.rabbit = rabbit;
        this.password = new Secrets(n -> null).resolve(rabbit.password());
    }

    /** Creates {@code vhost}, lets the service's user in, and declares {@code count} queues named prefix_00000 on. */
    public void createVhost(String vhost, String prefix, int count) throws Exception {
        send(request("vhosts/" + vhost).header("content-type", "application/json").PUT(HttpRequest.BodyPublishers.ofString("{}")));
        send(request("permissions/" + vhost + "/" + rabbit.user()).header("content-type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"configure\":\".*\",\"write\":\".*\",\"read\":\".*\"}")));
        ConnectionFactory factory = new ConnectionFactory();
        factory.setPort(rabbit.port());
        factory.setUsername(rabbit.user());
        factory.setPassword(password);
        factory.setVirtualHost(vhost);
        try (Connection connection = factory.newConnection(); Channel channel = connection.createChannel()) {
            for (int i = 0; i < count; i++) {
                channel.queueDeclare(String.format("%s_%05d", prefix, i), false, false, false, null);
            }
        }
    }

    public void deleteVhost(String vhost) throws Exception {
        send(request("vhosts/" + vhost).DELETE());
    }

    /** {@code GET /api/<pathAndQuery>}'s body. */
    public String get(String pathAndQuery) throws Exception {
        return send(request(pathAndQuery).GET());
    }

    private HttpRequest.Builder request(String path) {
        String auth = Base64.getEncoder().encodeToString((rabbit.user() + ":" + password).getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + rabbit.port("management", 0) + "/api/" + path))
                .header("Authorization", "Basic " + auth);
    }

    private static String send(HttpRequest.Builder request) throws Exception {
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("the lab's management API answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }
}
