package dev.opsh.adapters.redis;

import java.time.Duration;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisException;

/** Opens Jedis connections bounded by a connect and a read deadline, logged in and named {@code opsh:<user>}. */
final class RedisConnector {
    private RedisConnector() {}

    /** A connected, authenticated client; Jedis failures are translated by the caller. */
    static Jedis open(RedisTarget target, Duration connect, Duration read) {
        DefaultJedisClientConfig.Builder config = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(Math.toIntExact(connect.toMillis()))
                .socketTimeoutMillis(Math.toIntExact(read.toMillis()))
                .clientName(target.clientName())
                .resp2();
        if (target.password() != null) {
            config.user(target.user()).password(target.password());
        }
        Jedis jedis = new Jedis(new HostAndPort(target.endpoint().address(), target.endpoint().port()), config.build());
        try {
            jedis.getConnection().connect();
            return jedis;
        } catch (JedisException e) {
            jedis.close();
            throw e;
        }
    }
}
