package dev.opsh.adapters.redis;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisSocketFactory;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Opens one Jedis connection bounded by a connect and a read deadline, logged in and named
 * {@code opsh:<user>}, over a socket it creates itself: closing the connector closes that socket
 * at any moment (while connecting, logging in or waiting for a reply), which is how Ctrl-C and
 * health deadlines end a call to a hung server.
 */
final class RedisConnector implements AutoCloseable, JedisSocketFactory {
    private final RedisTarget target;
    private final Duration connect;
    private final Duration read;
    private volatile Socket socket;
    private volatile boolean closed;

    RedisConnector(RedisTarget target, Duration connect, Duration read) {
        this.target = target;
        this.connect = connect;
        this.read = read;
    }

    /** A connected, authenticated client; Jedis failures are translated by the caller. */
    Jedis open() {
        DefaultJedisClientConfig.Builder config = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(Math.toIntExact(connect.toMillis()))
                .socketTimeoutMillis(Math.toIntExact(read.toMillis()))
                .clientName(target.clientName())
                .resp2();
        if (target.password() != null) {
            config.user(target.user()).password(target.password());
        }
        Jedis jedis = new Jedis(this, config.build());
        try {
            jedis.getConnection().connect();
            return jedis;
        } catch (JedisException e) {
            jedis.close();
            throw e;
        }
    }

    @Override
    public Socket createSocket() {
        Socket s = new Socket();
        socket = s;
        try {
            if (closed) {
                throw new IOException("cancelled");
            }
            s.setSoTimeout(Math.toIntExact(read.toMillis()));
            s.setTcpNoDelay(true);
            s.setKeepAlive(true);
            s.connect(new InetSocketAddress(target.endpoint().address(), target.endpoint().port()),
                    Math.toIntExact(connect.toMillis()));
            return s;
        } catch (IOException e) {
            closeQuietly(s);
            throw new JedisConnectionException(e);
        }
    }

    /** Closes the socket at once, ending whatever waits on it. */
    @Override
    public void close() {
        closed = true;
        Socket s = socket;
        if (s != null) {
            closeQuietly(s);
        }
    }

    boolean closed() {
        return closed;
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // Giving the socket up either way.
        }
    }
}
