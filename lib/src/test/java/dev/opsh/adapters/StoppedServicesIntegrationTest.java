package dev.opsh.adapters;

import static dev.opsh.adapters.LabSession.time;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opsh.OpshException;
import dev.opsh.adapters.postgres.PostgresHealthCheck;
import dev.opsh.adapters.postgres.Row;
import dev.opsh.adapters.postgres.SqlRows;
import dev.opsh.adapters.redis.RedisHealthCheck;
import dev.opsh.dsl.InFlight;
import dev.opsh.inventory.Inventory;
import dev.opsh.inventory.Service;
import dev.opsh.lab.Lab;
import dev.opsh.lab.LabExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import redis.clients.jedis.Jedis;

/**
 * Verbs against services that an operator stopped or killed, on a throw-away lab (PostgreSQL and
 * Redis) whose services the tests take down with the inventory's own commands.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StoppedServicesIntegrationTest {
    private static final Duration QUICKLY = Duration.ofSeconds(1);

    private Path dir;
    private Lab victim;
    private Inventory inventory;
    private LabSession session;

    @BeforeAll
    void startVictim() throws Exception {
        dir = Files.createTempDirectory("opsh-victim-");
        victim = LabExtension.victim(dir, "postgres", "redis");
        inventory = LabExtension.inventory(victim);
    }

    @AfterAll
    void takeDown() throws Exception {
        victim.down();
        LabExtension.deleteTree(dir);
    }

    @BeforeEach
    void open() {
        session = new LabSession(victim, inventory);
    }

    @AfterEach
    void close() {
        session.close();
    }

    private void run(String command) {
        CommandResult result = new LocalCommandRunner(new InFlight()).run(null, command, Duration.ofSeconds(60));
        assertThat(result.exit()).as(command + ": " + result.stderr()).isZero();
    }

    /** Waits until the service's health probe says UP, as an operator would after starting it. */
    private void awaitUp(Service service, HealthCheck check) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (check.probe(service, session.context()).status() != ServiceHealth.Status.UP) {
            assertThat(System.nanoTime()).as(service.name() + " up again").isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    static List<Map<String, Object>> maps(SqlRows rows) {
        return rows.rows().stream().map(r -> ((Row) r).toMap()).toList();
    }

    @Test
    void aStoppedPostgresFailsAtOnceAndComesBackInTheSameSession() throws Exception {
        Service postgres = inventory.service("postgres");
        assertThat(maps(session.sql("select 1 as one"))).containsExactly(Map.of("one", 1));

        run(postgres.commands().stop());
        try {
            String refused = "cannot connect to postgres 'postgres' at 127.0.0.1:" + postgres.port()
                    + " while connecting as user opsh to database veza: Connection refused (is it running?)";
            LabSession.Timed sql = time(() -> session.sql("select 1"));
            assertThat(sql.failure()).isInstanceOf(OpshException.class).hasMessage(refused);
            assertThat(sql.took()).isLessThan(QUICKLY);
            assertThatThrownBy(() -> session.stuckUploads()).hasMessage(refused);
            assertThat(new PostgresHealthCheck().probe(postgres, session.context()))
                    .satisfies(h -> {
                        assertThat(h.status()).isEqualTo(ServiceHealth.Status.DOWN);
                        assertThat(h.error()).isEqualTo(refused.replace("connecting as user opsh to database veza", "probing health"));
                    });
        } finally {
            run(postgres.commands().start());
        }
        awaitUp(postgres, new PostgresHealthCheck());
        assertThat(maps(session.sql("select 1 as one"))).containsExactly(Map.of("one", 1));
    }

    @Test
    void aRestartBetweenTwoCallsIsInvisible() throws Exception {
        Service postgres = inventory.service("postgres");
        Object before = session.sql("select pg_backend_pid() as pid").row(0).get("pid");

        run(postgres.commands().stop());
        run(postgres.commands().start());
        awaitUp(postgres, new PostgresHealthCheck());

        Object after = session.sql("select pg_backend_pid() as pid").row(0).get("pid");
        assertThat(after).isNotEqualTo(before);
    }

    @Test
    void aKilledRedisFailsAtOnceAndComesBackInTheSameSession() throws Exception {
        Service redis = inventory.service("redis");
        assertThat(session.getRedis().ping()).isEqualTo("PONG");

        run(redis.commands().kill());
        try {
            String refused = "cannot connect to redis 'redis' at 127.0.0.1:" + redis.port()
                    + " while connecting as user default: Connection refused (is it running?)";
            LabSession.Timed ping = time(() -> session.getRedis().ping());
            assertThat(ping.failure()).isInstanceOf(OpshException.class).hasMessage(refused);
            assertThat(ping.took()).isLessThan(QUICKLY);
            assertThat(new RedisHealthCheck().probe(redis, session.context())).satisfies(h -> {
                assertThat(h.status()).isEqualTo(ServiceHealth.Status.DOWN);
                assertThat(h.error()).isEqualTo(refused.replace("connecting as user default", "probing health"));
            });
        } finally {
            run(redis.commands().start());
        }
        awaitUp(redis, new RedisHealthCheck());
        assertThat(session.getRedis().ping()).isEqualTo("PONG");
    }

    @Test
    void aRedisThatWantsAPasswordTheInventoryLacksIsAnAuthenticationFailure() {
        int port = inventory.service("redis").port();
        try (Jedis admin = new Jedis("127.0.0.1", port)) {
            admin.configSet("requirepass", "set-by-the-test");
            try {
                assertThatThrownBy(() -> session.getRedis().ping())
                        .hasMessage("authentication failed for user default at 127.0.0.1:" + port + " (redis 'redis' at 127.0.0.1:"
                                + port + "): the server wants a password and the inventory gives none");
            } finally {
                admin.configSet("requirepass", "");
            }
        }
    }
}
