package dev.opsh.adapters.redis;

import redis.clients.jedis.Jedis;

/** One session's connection to a Redis service, and whether it has served a call yet. */
final class RedisSession implements AutoCloseable {
    private final Jedis jedis;
    private final RedisConnector connector;
    private boolean used;

    RedisSession(Jedis jedis, RedisConnector connector) {
        this.jedis = jedis;
        this.connector = connector;
    }

    Jedis jedis() {
        return jedis;
    }

    boolean used() {
        return used;
    }

    void markUsed() {
        used = true;
    }

    /** Closes the socket at once, ending a blocked read; what Ctrl-C calls. */
    void abort() {
        connector.close();
    }

    @Override
    public void close() {
        jedis.close();
    }
}
