package dev.opsh.adapters.rabbitmq;

import com.fasterxml.jackson.databind.JsonNode;
import com.rabbitmq.client.AuthenticationFailureException;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import dev.opsh.ExitCode;
import dev.opsh.OpshException;
import dev.opsh.adapters.BoundedProbe;
import dev.opsh.adapters.DeadlineExceededException;
import dev.opsh.adapters.HealthCheck;
import dev.opsh.adapters.ServiceEndpoint;
import dev.opsh.adapters.ServiceHealth;
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
 * the management API's overview answers with the broker's version. The whole probe ends within
 * the service's health deadline.
 */
public final class RabbitMqHealthCheck implements HealthCheck {
    @Override
    public ServiceHealth probe(Service service, OpsContext context) {
        ServiceEndpoint amqp = ServiceEndpoint.of(context.inventory(), service, ConnectionFactory.DEFAULT_AMQP_PORT);
        String user = service.user() == null ? "guest" : service.user();
        String password;
        try {
            context.provisioner().prepare(service);
            password = context.secrets().resolve(service.password());
        } catch (OpshException e) {
            return BoundedProbe.down(amqp, e.getMessage());
        }
        Deadlines bounded = BoundedProbe.clientDeadlines(service.deadlines());
        return BoundedProbe.run(amqp, service.deadlines().health(), abandon -> {
            ConnectionFactory factory = AmqpFactory.of(service, amqp, user, password, bounded);
            try (Connection connection = factory.newConnection("opsh health")) {
                abandon.closeOnTimeout(connection::abort);
            } catch (AuthenticationFailureException e) {
                throw new OpshException(ExitCode.FAILURE, "AMQP: authentication failed for user " + user + " at " + amqp.hostPort(), e);
            } catch (ConnectException e) {
                throw new OpshException(ExitCode.FAILURE, "AMQP " + amqp.hostPort() + ": connection refused", e);
            } catch (SocketTimeoutException | TimeoutException e) {
                throw new DeadlineExceededException("AMQP " + amqp.hostPort() + ": timed out (TCP connect deadline "
                        + Durations.format(bounded.connect()) + ", handshake deadline " + Durations.format(bounded.read()) + ")", e);
            } catch (IOException e) {
                throw new OpshException(ExitCode.FAILURE, "AMQP " + amqp.hostPort() + ": "
                        + (e.getMessage() != null ? e.getMessage() : String.valueOf(e.getCause())), e);
            }
            JsonNode overview = ManagementApi.of(context, service).get("overview", "columns=rabbitmq_version,cluster_name");
            return overview == null ? null : overview.path("rabbitmq_version").asText(null);
        });
    }
}
