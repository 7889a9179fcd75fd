package dev.opsh.adapters.redis;

import static dev.opsh.adapters.LabSession.time;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opsh.OpshException;
import dev.opsh.adapters.Blackhole;
import dev.opsh.adapters.DeadlineExceededException;
import dev.opsh.adapters.InventoryCopies;
import dev.opsh.adapters.LabSession;
import dev.opsh.adapters.ServiceHealth;
import dev.opsh.inventory.Deadlines;
import dev.opsh.inventory.Inventory;
import dev.opsh.inventory.SecretRef;
import dev.opsh.inventory.Service;
import dev.opsh.lab.Lab;
import dev.opsh.lab.LabExtension;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.args.ClientPauseMode;
import redis.clients.jedis.params.ClientKillParams;

/** The read-only redis facade and the Redis health check against the lab's Redis 7. */
@ExtendWith(LabExtension.class)
class RedisVerbsIntegrationTest {
    private static final Duration SLACK = Duration.ofMillis(1500);
    private static final Deadlines QUICK = new Deadlines(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1));
    private static final Deadlines PATIENT = new Deadlines(Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(1));

    private final Lab lab;
    private final Inventory inventory;
    private final String prefix = "opsh-test:" + UUID.randomUUID() + ":";
    private LabSession session;
    private Jedis fixture;

    RedisVerbsIntegrationTest(Lab lab, Inventory inventory) {
        this.lab = lab;
        this.inventory = inventory;
    }

    @BeforeEach
    void open() {
        session = new LabSession(lab, inventory);
        fixture = new Jedis("127.0.0.1", inventory.service("redis").port(), 10_000);
        fixture.clientSetname("fixture");
    }

    @AfterEach
    void close() {
        session.close();
        fixture.close();
    }

    private LabSession sessionOn(UnaryOperator<Service> change) {
        session.close();
        session = new LabSession(lab, InventoryCopies.withService(inventory, "redis", change));
        return session;
    }

    @Test
    void pingAndInfo() {
        assertThat(session.getRedis().ping()).isEqualTo("PONG");
        assertThat(session.getRedis().info("server")).containsKey("redis_version").containsEntry("tcp_port",
                Integer.toString(inventory.service("redis").port()));
        assertThat(session.getRedis().info()).containsKeys("redis_version", "used_memory", "connected_clients");
        assertThatThrownBy(() -> session.getRedis().info("nosuchsection"))
                .isInstanceOf(OpshException.class)
                .hasMessage("redis 'redis' at 127.0.0.1:" + inventory.service("redis").port() + " has no INFO section"
                        + " 'nosuchsection' (try server, clients, memory, persistence, stats, replication, keyspace)");
    }

    @Test
    void getAndTtl() {
        fixture.setex(prefix + "session", 300, "alice");
        fixture.set(prefix + "config", "v2");

        assertThat(session.getRedis().get(prefix + "session")).isEqualTo("alice");
        assertThat(session.getRedis().get(prefix + "missing")).isNull();
        RedisTtl expiring = session.getRedis().ttl(prefix + "session");
        assertThat(expiring.state()).isEqualTo(RedisTtl.State.EXPIRES);
        assertThat(expiring.remaining()).isBetween(Duration.ofSeconds(290), Duration.ofSeconds(300));
        assertThat(session.getRedis().ttl(prefix + "config")).isEqualTo(new RedisTtl(prefix + "config", RedisTtl.State.NO_EXPIRY, null));
        assertThat(session.getRedis().ttl(prefix + "missing").state()).isEqualTo(RedisTtl.State.MISSING);
    }

    @Test
    void scanIsSortedAndBounded() {
        fixture.mset(IntStream.range(0, 1005).boxed()
                .flatMap(i -> Stream.of(prefix + String.format("k%04d", i), "x")).toArray(String[]::new));

        RedisScan all = session.getRedis().scan(prefix + "k000*");
        assertThat(all.keys()).hasSize(10).isSorted().first().isEqualTo(prefix + "k0000");
        assertThat(all.truncated()).isFalse();

        RedisScan capped = session.getRedis().scan(prefix + "*");
        assertThat(capped.size()).isEqualTo(RedisFacade.SCAN_LIMIT);
        assertThat(capped.truncated()).isTrue();

        RedisScan five = session.getRedis().scan(prefix + "*", 5);
        assertThat(five.keys()).hasSize(5);
        assertThat(five.truncated()).isTrue();
        assertThat(session.getRedis().scan(prefix + "nothing*").keys()).isEmpty();
    }

    @Test
    void memoryAndClientsAreTyped() {
        RedisMemory memory = session.getRedis().memory();
        assertThat(memory.usedMemory()).isPositive();
        assertThat(memory.usedMemoryHuman()).isNotBlank();
        assertThat(memory.maxmemoryPolicy()).isEqualTo("noeviction");

        List<ConnectedClient> clients = session.getRedis().clients();
        assertThat(clients).extracting(ConnectedClient::name).contains("fixture", "opsh:" + System.getProperty("user.name"));
        assertThat(clients).filteredOn(c -> c.name().startsWith("opsh:")).singleElement()
                .satisfies(c -> assertThat(c.cmd()).isEqualTo("client|list"));
    }

    @Test
    void theFacadeHasNoWayToWrite() {
        List<String> methods = Arrays.stream(RedisFacade.class.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers())).map(Method::getName).distinct().sorted().toList();

        assertThat(methods).containsExactly("clients", "get", "info", "memory", "ping", "scan", "toString", "ttl");
    }

    @Test
    void theConnectionIsKeptAndReopenedWhenTheServerDropsIt() {
        session.getRedis().ping();
        long id = session.getRedis().clients().stream().filter(c -> c.name().startsWith("opsh:")).findFirst().orElseThrow().id();
        assertThat(session.getRedis().clients().stream().filter(c -> c.name().startsWith("opsh:")).findFirst().orElseThrow().id())
                .isEqualTo(id);

        fixture.clientKill(new ClientKillParams().id(Long.toString(id)));

        assertThat(session.getRedis().ping()).isEqualTo("PONG");
        assertThat(session.getRedis().clients().stream().filter(c -> c.name().startsWith("opsh:")).findFirst().orElseThrow().id())
                .isNotEqualTo(id);
    }

    @Test
    void wrongCredentialsAreAnAuthenticationFailure(@TempDir Path dir) throws Exception {
        String user = "opsh-ro-" + UUID.randomUUID();
        fixture.aclSetUser(user, "on", ">right-password", "~*", "+@read", "+ping", "+info", "+client|setname", "+client|list");
        try {
            Path wrong = Files.writeString(dir.resolve("wrong"), "wrong-password");
            Path right = Files.writeString(dir.resolve("right"), "right-password");
            int port = inventory.service("redis").port();
            sessionOn(s -> withUser(s, user, "file:" + wrong));
            assertThatThrownBy(() -> session.getRedis().ping())
                    .isInstanceOf(OpshException.class)
                    .hasMessage("authentication failed for user " + user + " at 127.0.0.1:" + port + " (redis 'redis' at 127.0.0.1:"
                            + port + "): WRONGPASS invalid username-password pair or user is disabled.");

            sessionOn(s -> withUser(s, user, "file:" + right));
            assertThat(session.getRedis().ping()).isEqualTo("PONG");

        } finally {
            fixture.aclDelUser(user);
        }
    }

    private static Service withUser(Service s, String user, String password) {
        Service p = InventoryCopies.password(s, new SecretRef(password, null));
        return new Service(p.name(), p.type(), p.hosts(), p.port(), p.ports(), user, p.password(), p.unit(), p.commands(),
                p.impact(), p.thresholds(), p.settings(), p.deadlines());
    }

    @Test
    void aServerThatNeverAnswersFailsWithinTheDeadline() throws Exception {
        try (Blackhole blackhole = new Blackhole()) {
            sessionOn(s -> InventoryCopies.deadlines(InventoryCopies.port(s, blackhole.port()), QUICK));

            LabSession.Timed timed = time(() -> session.getRedis().ping());

            assertThat(timed.failure()).isInstanceOf(DeadlineExceededException.class).hasMessage("redis 'redis' at 127.0.0.1:"
                    + blackhole.port() + " did not answer within 1000 ms while connecting as user default");
            assertThat(timed.took()).isLessThan(QUICK.read().plus(SLACK));
        }
    }

    /** Pauses every client's commands for {@code pause} (it ends by itself: UNPAUSE would wait too), then waits it out. */
    private void whilePaused(Duration pause, Runnable check) throws InterruptedException {
        long ends = System.nanoTime() + pause.toNanos();
        fixture.clientPause(pause.toMillis(), ClientPauseMode.ALL);
        try {
            check.run();
        } finally {
            Thread.sleep(Math.max(0, (ends - System.nanoTime()) / 1_000_000 + 100));
        }
    }

    @Test
    void aServerThatStopsAnsweringMidSessionFailsWithinTheDeadline() throws Exception {
        sessionOn(s -> InventoryCopies.deadlines(s, QUICK));
        session.getRedis().ping();
        whilePaused(Duration.ofMillis(2500), () -> {
            LabSession.Timed timed = time(() -> session.getRedis().get(prefix + "x"));

            assertThat(timed.failure()).isInstanceOf(DeadlineExceededException.class)
                    .hasMessageMatching("redis 'redis' at 127\\.0\\.0\\.1:\\d+ did not answer within 1000 ms while running GET .*");
            assertThat(timed.took()).isLessThan(QUICK.read().plus(SLACK));
        });
    }

    @Test
    void ctrlCEndsACallToAPausedServer() throws Exception {
        sessionOn(s -> InventoryCopies.deadlines(s, PATIENT));
        session.getRedis().ping();
        whilePaused(Duration.ofMillis(2500), () -> {
            session.cancelAfter(Duration.ofMillis(300));
            LabSession.Timed timed = time(() -> session.getRedis().ping());

            assertThat(timed.failure()).hasMessageMatching("PING on redis 'redis' at 127\\.0\\.0\\.1:\\d+ was cancelled");
            assertThat(timed.took()).isLessThan(Duration.ofMillis(300).plusSeconds(1));
        });
        assertThat(session.getRedis().ping()).isEqualTo("PONG");
    }

    @Test
    void ctrlCEndsAConnectToAServerThatNeverAnswers() throws Exception {
        try (Blackhole blackhole = new Blackhole()) {
            sessionOn(s -> InventoryCopies.deadlines(InventoryCopies.port(s, blackhole.port()), PATIENT));
            session.context().provisioner().prepare(session.context().inventory().service("redis"));
            session.cancelAfter(Duration.ofMillis(300));

            LabSession.Timed timed = time(() -> session.getRedis().ping());

            assertThat(timed.failure()).hasMessageEndingWith("was cancelled");
            assertThat(timed.took()).isLessThan(Duration.ofMillis(300).plusSeconds(1));
        }
    }

    @Test
    void healthIsUpWithTheVersion() {
        ServiceHealth health = new RedisHealthCheck().probe(inventory.service("redis"), session.context());

        assertThat(health.status()).isEqualTo(ServiceHealth.Status.UP);
        assertThat(health.version()).startsWith("7.");
        assertThat(health.error()).isNull();
    }

    @Test
    void healthOfAHungServerIsTimeoutWithinItsDeadline() throws Exception {
        try (Blackhole blackhole = new Blackhole()) {
            LabSession hung = sessionOn(s -> InventoryCopies.port(s, blackhole.port()));
            long started = System.nanoTime();

            ServiceHealth health = new RedisHealthCheck().probe(hung.context().inventory().service("redis"), hung.context());

            assertThat(health.status()).isEqualTo(ServiceHealth.Status.TIMEOUT);
            assertThat(health.error()).contains("did not answer within 2000 ms");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2).plus(SLACK));
        }
    }
}
