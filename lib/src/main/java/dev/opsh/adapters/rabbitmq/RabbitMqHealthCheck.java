package dev.opsh.adapters.rabbitmq;

import com.fasterxml.jackson.databind.JsonNode;
import com.rabbitmq.client.AuthenticationFailureException;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import dev.opsh.OpshException;
import dev.opsh.adapters.HealthCheck;
import dev.opsh.adapters.ServiceHealth;
import dev.opsh.adapters.ServiceLookup;
import dev.opsh.adapters.health.Probes;
import dev.opsh.dsl.OpsContext;
import dev.opsh.inventory.Deadlines;
import dev.opsh.inventory.Durations;
import dev.opsh.inventory.Service;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.util.concurrent.TimeoutException;

/**
 * RabbitMQ's health: an AMQP connection opens (TCP, handshake, login on the service's vhost), and
 * the management API's overview answers with the broker's version.
 */
public final class RabbitMqHealthCheck implements HealthCheck {
    @Override
    public ServiceHealth probe(Service service, OpsContext context) {
        long start = System.nanoTime();
        String address = ServiceLookup.firstHost(context.inventory(), service).address();
        int port = AmqpFactory.port(service);
        String endpoint = address + ":" + port;
        try {
            context.provisioner().prepare(service);
            String amqpFailure = amqp(AmqpFactory.of(context, service, service.deadlines().health()), service, endpoint);
            if (amqpFailure != null) {
                return Probes.down(service.name(), service.type(), endpoint, start, amqpFailure);
            }
            JsonNode overview = ManagementApi.of(context, service).get("overview", "columns=rabbitmq_version,cluster_name");
            String version = overview == null ? null : overview.path("rabbitmq_version").asText(null);
            return Probes.up(service.name(), service.type(), endpoint, start, version);
        } catch (OpshException e) {
            return Probes.down(service.name(), service.type(), endpoint, start, e.getMessage());
        }
    }

    /** Opens and closes one AMQP connection; null when it worked, else why it did not. */
    private static String amqp(ConnectionFactory factory, Service service, String endpoint) {
        Deadlines deadlines = service.deadlines();
        String user = factory.getUsername();
        String at = "AMQP " + endpoint;
        try (Connection ignored = factory.newConnection("opsh health")) {
            return null;
        } catch (AuthenticationFailureException e) {
            return at + ": authentication failed for user " + user + " at " + endpoint;
        } catch (ConnectException e) {
            return at + ": connection refused";
        } catch (SocketTimeoutException | TimeoutException e) {
            return at + ": timed out (TCP connect deadline " + Durations.format(deadlines.connect())
                    + ", AMQP handshake deadline " + Durations.format(deadlines.health()) + ")";
        } catch (IOException e) {
            return at + ": " + (e.getMessage() != null ? e.getMessage() : String.valueOf(e.getCause()));
        }
    }
}
