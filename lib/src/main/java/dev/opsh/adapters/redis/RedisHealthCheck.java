package dev.opsh.adapters.redis;

import dev.opsh.OpshException;
import dev.opsh.adapters.BoundedProbe;
import dev.opsh.adapters.HealthCheck;
import dev.opsh.adapters.ServiceEndpoint;
import dev.opsh.adapters.ServiceHealth;
import dev.opsh.dsl.OpsContext;
import dev.opsh.inventory.Deadlines;
import dev.opsh.inventory.Service;
import java.time.Duration;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Probes a Redis service on a fresh connection of its own: {@code PING}, then {@code INFO server}
 * for {@code redis_version}. The whole probe ends within the service's health deadline.
 */
public final class RedisHealthCheck implements HealthCheck {

    /** Prepares the service (the lab starts here) and then probes it; never throws for a failing service. */
    @Override
    public ServiceHealth probe(Service service, OpsContext context) {
        ServiceEndpoint endpoint = ServiceEndpoint.of(context.inventory(), service, RedisTarget.DEFAULT_PORT);
        Duration deadline = service.deadlines().health();
        RedisTarget target;
        try {
            context.provisioner().prepare(service);
            target = RedisTarget.of(context, service);
        } catch (OpshException e) {
            return BoundedProbe.down(endpoint, e.getMessage());
        }
        Deadlines bounded = BoundedProbe.clientDeadlines(service.deadlines());
        return BoundedProbe.run(endpoint, deadline, abandon -> {
            RedisConnector connector = new RedisConnector(target, bounded.connect(), deadline);
            abandon.closeOnTimeout(connector);
            try (Jedis jedis = connector.open()) {
                jedis.ping();
                return RedisReplies.info(jedis.info("server")).get("redis_version");
            } catch (JedisException e) {
                throw RedisErrors.translate(target, "probing health", bounded, e);
            }
        });
    }
}
