package dev.opsh.adapters.rabbitmq;

import com.rabbitmq.client.ConnectionFactory;
import dev.opsh.adapters.ServiceLookup;
import dev.opsh.dsl.OpsContext;
import dev.opsh.inventory.Service;
import java.time.Duration;

/**
 * How opsh opens AMQP connections to a RabbitMQ service: its first host and port, the service's
 * user (guest by default), password and vhost, the connect deadline, a handshake deadline, and no
 * automatic recovery, so that a failure is reported rather than retried in the background.
 */
final class AmqpFactory {
    private AmqpFactory() {}

    static int port(Service service) {
        return service.port() == 0 ? ConnectionFactory.DEFAULT_AMQP_PORT : service.port();
    }

    static String user(Service service) {
        return service.user() == null ? "guest" : service.user();
    }

    static ConnectionFactory of(OpsContext context, Service service, Duration handshake) {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(ServiceLookup.firstHost(context.inventory(), service).address());
        factory.setPort(port(service));
        factory.setUsername(user(service));
        String password = context.secrets().resolve(service.password());
        factory.setPassword(password == null ? "" : password);
        String vhost = service.setting("vhost");
        factory.setVirtualHost(vhost == null ? "/" : vhost);
        factory.setConnectionTimeout((int) service.deadlines().connect().toMillis());
        factory.setHandshakeTimeout((int) handshake.toMillis());
        factory.setShutdownTimeout(0);
        factory.setAutomaticRecoveryEnabled(false);
        return factory;
    }
}
