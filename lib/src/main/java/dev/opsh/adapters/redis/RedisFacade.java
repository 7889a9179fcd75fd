package dev.opsh.adapters.redis;

import dev.opsh.ExitCode;
import dev.opsh.OpshException;
import dev.opsh.adapters.ServiceEndpoint;
import dev.opsh.dsl.OpsContext;
import dev.opsh.inventory.Service;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * Read-only access to one Redis service: {@code redis.ping()}, {@code redis.info('memory')},
 * {@code redis.get(key)}, {@code redis.ttl(key)}, {@code redis.scan(pattern)},
 * {@code redis.memory()}, {@code redis.clients()}. It has no method that writes. The connection is
 * opened on first use and kept for the session; every call is bounded by the service's deadlines
 * and closed by Ctrl-C.
 */
public final class RedisFacade {
    /** How many keys {@link #scan(String)} returns at most. */
    public static final int SCAN_LIMIT = 1000;
    private static final int SCAN_BATCH = 1000;

    private final OpsContext context;
    private final Service service;
    private final RedisCalls calls;

    public RedisFacade(OpsContext context, Service service) {
        this.context = context;
        this.service = service;
        this.calls = new RedisCalls(context, service);
    }

    /** {@code PONG} when the server answers. */
    public String ping() {
        return call("PING", Jedis::ping);
    }

    /** Every {@code INFO} field, by name. */
    public Map<String, String> info() {
        return call("INFO", jedis -> RedisReplies.info(jedis.info()));
    }

    /** The fields of one {@code INFO} section, such as {@code memory}, {@code clients} or {@code replication}. */
    public Map<String, String> info(String section) {
        Map<String, String> fields = call("INFO " + section, jedis -> RedisReplies.info(jedis.info(section)));
        if (fields.isEmpty()) {
            throw new OpshException(ExitCode.FAILURE, ServiceEndpoint.of(context.inventory(), service, RedisTarget.DEFAULT_PORT)
                    + " has no INFO section '" + section
                    + "' (try server, clients, memory, persistence, stats, replication, keyspace)");
        }
        return fields;
    }

    /** The string value of {@code key}, or null when the key does not exist. */
    public String get(String key) {
        return call("GET " + key, jedis -> jedis.get(key));
    }

    /** How long {@code key} has left, or whether it has no expiry or does not exist. */
    public RedisTtl ttl(String key) {
        return call("PTTL " + key, jedis -> RedisTtl.of(key, jedis.pttl(key)));
    }

    /** Up to {@value #SCAN_LIMIT} keys matching a glob pattern, such as {@code session:*}. */
    public RedisScan scan(String pattern) {
        return scan(pattern, SCAN_LIMIT);
    }

    /** Up to {@code limit} keys matching {@code pattern}; the scan also stops at the read deadline. */
    public RedisScan scan(String pattern, int limit) {
        if (limit < 1) {
            throw new OpshException(ExitCode.FAILURE, "scan() needs a limit of at least 1, not " + limit);
        }
        long stopAt = System.nanoTime() + service.deadlines().read().toNanos();
        return call("SCAN MATCH " + pattern, jedis -> {
            TreeSet<String> keys = new TreeSet<>();
            ScanParams params = new ScanParams().match(pattern).count(SCAN_BATCH);
            String cursor = ScanParams.SCAN_POINTER_START;
            do {
                ScanResult<String> page = jedis.scan(cursor, params);
                keys.addAll(page.getResult());
                cursor = page.getCursor();
            } while (!cursor.equals(ScanParams.SCAN_POINTER_START) && keys.size() < limit && System.nanoTime() < stopAt);
            boolean truncated = !cursor.equals(ScanParams.SCAN_POINTER_START);
            List<String> kept = new ArrayList<>(keys).subList(0, Math.min(limit, keys.size()));
            return new RedisScan(pattern, List.copyOf(kept), limit, truncated || keys.size() > limit);
        });
    }

    /** Used, resident and peak memory, the limit and the eviction policy. */
    public RedisMemory memory() {
        return call("INFO memory", jedis -> RedisReplies.memory(RedisReplies.info(jedis.info("memory"))));
    }

    /** Every client connection, as {@code CLIENT LIST} shows it. */
    public List<ConnectedClient> clients() {
        return call("CLIENT LIST", jedis -> RedisReplies.clients(jedis.clientList()));
    }

    @Override
    public String toString() {
        return service.type() + " '" + service.name() + "' (read-only: ping, info, get, ttl, scan, memory, clients)";
    }

    private <T> T call(String command, Function<Jedis, T> work) {
        return calls.call(command, work);
    }
}
