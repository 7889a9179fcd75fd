package dev.opsh.adapters.rabbitmq;

import com.rabbitmq.client.ConnectionFactory;
import dev.opsh.adapters.ServiceEndpoint;
import dev.opsh.inventory.Deadlines;
import dev.opsh.inventory.Service;

/**
 * How opsh opens AMQP connections to a RabbitMQ service: the service's vhost, the connect deadline,
 * the read deadline for the handshake, and no automatic recovery, so that a failure is reported
 * rather than retried in the background.
 */
final class AmqpFactory {
    private AmqpFactory() {}

    static ConnectionFactory of(Service service, ServiceEndpoint amqp, String user, String password, Deadlines deadlines) {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(amqp.address());
        factory.setPort(amqp.port());
        factory.setUsername(user);
        factory.setPassword(password == null ? "" : password);
        String vhost = service.setting("vhost");
        factory.setVirtualHost(vhost == null ? "/" : vhost);
        factory.setConnectionTimeout((int) deadlines.connect().toMillis());
        factory.setHandshakeTimeout((int) deadlines.read().toMillis());
        factory.setShutdownTimeout(0);
        factory.setAutomaticRecoveryEnabled(false);
        return factory;
    }
}
