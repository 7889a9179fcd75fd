package dev.opsh.adapters.redis;

import dev.opsh.ExitCode;
import dev.opsh.OpshException;
import dev.opsh.dsl.InFlight;
import dev.opsh.dsl.OpsContext;
import dev.opsh.inventory.Deadlines;
import dev.opsh.inventory.Service;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Calls on the session's connection to one Redis service, for the read-only facade and the guarded
 * writer alike: opened on first use, bounded by the service's deadlines, closed by Ctrl-C, and
 * reopened once when a connection that served earlier calls turns out to be dead.
 */
final class RedisCalls {
    private final OpsContext context;
    private final Service service;

    RedisCalls(OpsContext context, Service service) {
        this.context = context;
        this.service = service;
    }

    <T> T call(String command, Function<Jedis, T> work) {
        context.provisioner().prepare(service);
        RedisTarget target = RedisTarget.of(context, service);
        Deadlines deadlines = service.deadlines();
        String key = "redis:" + service.name();
        String tried = "running " + command;
        for (int attempt = 1; ; attempt++) {
            RedisSession session = context.client(key, () -> open(target, deadlines, context.inFlight()));
            AtomicBoolean aborted = new AtomicBoolean();
            try (InFlight.Registration ignored = context.inFlight().register(() -> {
                aborted.set(true);
                session.abort();
            })) {
                T result = work.apply(session.jedis());
                session.markUsed();
                return result;
            } catch (JedisException e) {
                boolean broken = !session.jedis().isConnected() || e instanceof JedisConnectionException;
                if (broken) {
                    context.discard(key);
                }
                if (aborted.get()) {
                    throw new OpshException(ExitCode.FAILURE, command + " on " + target + " was cancelled", e);
                }
                if (!broken || !session.used() || RedisErrors.isTimeout(e) || attempt > 1) {
                    throw RedisErrors.translate(target, tried, deadlines, e);
                }
            }
        }
    }

    private static RedisSession open(RedisTarget target, Deadlines deadlines, InFlight inFlight) {
        String tried = "connecting as user " + target.userName();
        RedisConnector connector = new RedisConnector(target, deadlines.connect(), deadlines.read());
        try (InFlight.Registration ignored = inFlight.register(connector)) {
            return new RedisSession(connector.open(), connector);
        } catch (JedisException e) {
            if (connector.closed()) {
                throw new OpshException(ExitCode.FAILURE, tried + " to " + target + " was cancelled", e);
            }
            throw RedisErrors.translate(target, tried, deadlines, e);
        }
    }
}
