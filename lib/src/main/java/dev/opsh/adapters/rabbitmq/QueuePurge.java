package dev.opsh.adapters.rabbitmq;

import com.fasterxml.jackson.databind.JsonNode;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import dev.opsh.ExitCode;
import dev.opsh.OpshException;
import dev.opsh.UnknownNameException;
import com.rabbitmq.client.ConnectionFactory;
import dev.opsh.adapters.ServiceEndpoint;
import dev.opsh.adapters.ServiceSelector;
import dev.opsh.dsl.InFlight;
import dev.opsh.dsl.OpsContext;
import dev.opsh.inventory.Service;
import java.io.IOException;
import java.util.concurrent.TimeoutException;

/**
 * Purging one queue of the inventory's RabbitMQ service: how many messages it would lose, read
 * from the management API for the preview, and the purge itself over AMQP ({@code queue.purge}),
 * which reports exactly how many messages it removed. It does not ask anyone: the guarded
 * {@code purge} verb calls {@link #purge} only after the guard said yes.
 */
public final class QueuePurge {
    private final OpsContext context;
    private final Service service;
    private final String vhost;

    private QueuePurge(OpsContext context, Service service) {
        this.context = context;
        this.service = service;
        this.vhost = service.setting("vhost") == null ? "/" : service.setting("vhost");
    }

    public static QueuePurge of(OpsContext context) {
        return new QueuePurge(context, ServiceSelector.first(context.inventory(), "rabbitmq"));
    }

    public String vhost() {
        return vhost;
    }

    /** Where the purge goes: the AMQP port of the service's first host. */
    public ServiceEndpoint amqp() {
        return ServiceEndpoint.of(context.inventory(), service, ConnectionFactory.DEFAULT_AMQP_PORT);
    }

    /** The messages ready in {@code queue} now, as the management API counts them; unknown queues get a did-you-mean. */
    public long ready(String queue) {
        ManagementApi api = ManagementApi.of(context, service);
        JsonNode json = api.get("queues/" + ManagementApi.segment(vhost) + "/" + ManagementApi.segment(queue),
                "columns=name,messages_ready");
        if (json == null) {
            var names = new QueueListing(api, vhost, service.thresholds()).list(null).stream().map(QueueInfo::name).toList();
            throw new UnknownNameException("queue in vhost '" + vhost + "' of rabbitmq '" + service.name() + "'", queue, names);
        }
        return json.path("messages_ready").asLong(0);
    }

    /** {@code queue.purge} over AMQP: removes the ready messages and returns how many there were. */
    public long purge(String queue) {
        ServiceEndpoint amqp = amqp();
        String at = "rabbitmq '" + service.name() + "' (AMQP " + amqp.hostPort() + ", vhost '" + vhost + "')";
        context.provisioner().prepare(service);
        String user = service.user() == null ? "guest" : service.user();
        ConnectionFactory factory = AmqpFactory.of(service, amqp, user, context.secrets().resolve(service.password()),
                service.deadlines());
        try (Connection connection = factory.newConnection("opsh purge");
             InFlight.Registration ignored = context.inFlight().register(() -> connection.abort(0))) {
            Channel channel = connection.createChannel();
            return channel.queuePurge(queue).getMessageCount();
        } catch (IOException e) {
            throw new OpshException(ExitCode.FAILURE, at + ": purging queue '" + queue + "' failed: " + reason(e), e);
        } catch (TimeoutException e) {
            throw new OpshException(ExitCode.FAILURE, at + ": no AMQP handshake within the deadline while purging '"
                    + queue + "'", e);
        }
    }

    private static String reason(IOException e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        String message = cause.getMessage() != null ? cause.getMessage() : cause.toString();
        return message.lines().findFirst().orElse(message);
    }
}
