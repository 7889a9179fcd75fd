package dev.opsh.adapters.postgres;

import static dev.opsh.adapters.LabSession.time;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opsh.OpshException;
import dev.opsh.UnknownNameException;
import dev.opsh.adapters.Blackhole;
import dev.opsh.adapters.DeadlineExceededException;
import dev.opsh.adapters.InventoryCopies;
import dev.opsh.adapters.LabSession;
import dev.opsh.adapters.ServiceHealth;
import dev.opsh.dsl.PostgresVerbs;
import dev.opsh.inventory.Deadlines;
import dev.opsh.inventory.Inventory;
import dev.opsh.inventory.SecretRef;
import dev.opsh.lab.Lab;
import dev.opsh.lab.LabExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** sql(), stuckUploads() and the PostgreSQL health check against the lab's PostgreSQL 15 and its seed. */
@ExtendWith(LabExtension.class)
class PostgresVerbsIntegrationTest {
    private static final Duration SLACK = Duration.ofMillis(1500);
    private static final Deadlines QUICK = new Deadlines(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1));
    private static final Deadlines PATIENT = new Deadlines(Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(1));

    private final Lab lab;
    private final Inventory inventory;
    private LabSession session;

    PostgresVerbsIntegrationTest(Lab lab, Inventory inventory) {
        this.lab = lab;
        this.inventory = inventory;
    }

    @BeforeEach
    void open() {
        session = new LabSession(lab, inventory);
    }

    @AfterEach
    void close() {
        session.close();
    }

    private LabSession sessionOn(Inventory changed) {
        session.close();
        session = new LabSession(lab, changed);
        return session;
    }

    private Inventory postgres(java.util.function.UnaryOperator<dev.opsh.inventory.Service> change) {
        return InventoryCopies.withService(inventory, "postgres", change);
    }

    private long uploads() {
        return (Long) session.sql("select count(*) as n from uploads").row(0).get("n");
    }

    static List<Map<String, Object>> maps(SqlRows rows) {
        return rows.rows().stream().map(r -> ((Row) r).toMap()).toList();
    }

    @Test
    void rowsAreMapsKeyedByColumn() {
        SqlRows rows = session.sql("select status, count(*) as n from uploads group by status order by status");

        assertThat(rows.columns()).containsExactly("status", "n");
        assertThat(maps(rows)).containsExactly(
                Map.of("status", "completed", "n", 6L), Map.of("status", "failed", "n", 1L),
                Map.of("status", "processing", "n", 1L), Map.of("status", "uploading", "n", 5L));
        assertThat(rows.rows().stream().filter(r -> ((Row) r).get("status").equals("uploading")).toList()).hasSize(1);
        assertThat(rows.truncated()).isFalse();
        assertThat(rows.column("n")).containsExactly(6L, 1L, 1L, 5L);
    }

    @Test
    void parametersAreBoundAndValuesTyped() {
        SqlRows rows = session.sql("select id, created_at, now() - created_at as age, payload, started_at"
                + " from job_queue where status = ? and created_at < ? order by created_at", "pending", Instant.now());

        assertThat(rows.size()).isEqualTo(2);
        Map<String, Object> oldest = rows.row(0).toMap();
        assertThat(oldest.get("id")).isEqualTo(UUID.fromString("d0000000-0000-4000-8000-000000000011"));
        assertThat(oldest.get("created_at")).isInstanceOf(Instant.class);
        assertThat((Duration) oldest.get("age")).isGreaterThan(Duration.ofHours(2));
        assertThat(oldest.get("payload")).isEqualTo("{\"upload_id\": \"a0000000-0000-4000-8000-000000000011\"}");
        assertThat(oldest.get("started_at")).isNull();
        assertThat(oldest).containsOnlyKeys("id", "created_at", "age", "payload", "started_at");
    }

    @Test
    void theConnectionIsOpenedOnceAndNamedForTheOperator() {
        Object pid = session.sql("select pg_backend_pid() as pid").row(0).get("pid");
        SqlRows again = session.sql("select pg_backend_pid() as pid, application_name from pg_stat_activity"
                + " where pid = pg_backend_pid()");

        assertThat(again.row(0).toMap()).containsEntry("pid", pid)
                .containsEntry("application_name", "opsh:" + System.getProperty("user.name"));
    }

    @Test
    void repeatedColumnsKeepEveryValue() {
        assertThat(maps(session.sql("select 1 as id, 2 as id"))).containsExactly(Map.of("id", 1, "id_2", 2));
    }

    @Test
    void writesAreRefusedAndChangeNothing() {
        long before = uploads();

        assertThatThrownBy(() -> session.sql("delete from uploads"))
                .isInstanceOf(OpshException.class)
                .hasMessageStartingWith("sql() is read-only: ERROR: cannot execute DELETE in a read-only transaction")
                .hasMessageContaining("postgres 'postgres' at 127.0.0.1:");
        assertThatThrownBy(() -> session.sql("commit; delete from uploads"))
                .hasMessageContaining("runs one statement per call");
        session.sql("set default_transaction_read_only = off");
        assertThatThrownBy(() -> session.sql("update uploads set status = 'failed'"))
                .hasMessageContaining("cannot execute UPDATE in a read-only transaction");
        assertThat(uploads()).isEqualTo(before);
    }

    @Test
    void aSyntaxErrorIsOneLineFromTheServer() {
        assertThatThrownBy(() -> session.sql("selec 1"))
                .hasMessageMatching("postgres 'postgres' at 127\\.0\\.0\\.1:\\d+: ERROR: syntax error at or near \"selec\""
                        + " \\[42601\\] \\(while running sql\\(\\)\\)");
        assertThat(maps(session.sql("select 1 as one"))).containsExactly(Map.of("one", 1));
    }

    @Test
    void aLongQueryMeetsTheStatementTimeoutAndTheSessionGoesOn() {
        sessionOn(postgres(s -> InventoryCopies.deadlines(s, QUICK)));

        LabSession.Timed timed = time(() -> session.sql("select pg_sleep(5)"));

        assertThat(timed.failure()).isInstanceOf(DeadlineExceededException.class)
                .hasMessageMatching("running sql\\(\\) on postgres 'postgres' at 127\\.0\\.0\\.1:\\d+ exceeded the statement"
                        + " timeout of 1000 ms and was cancelled by the server");
        assertThat(timed.took()).isLessThan(QUICK.read().plus(SLACK));
        assertThat(maps(session.sql("select 2 as two"))).containsExactly(Map.of("two", 2));
    }

    @Test
    void rowsBeyondTheCapAreDroppedAndSaidSo() {
        SqlRows rows = session.sql("select generate_series(1, ?) as n", PostgresClient.MAX_ROWS + 5);

        assertThat(rows.size()).isEqualTo(PostgresClient.MAX_ROWS);
        assertThat(rows.truncated()).isTrue();
    }

    @Test
    void findsTheSeededStuckUploadsAndNotTheFreshOnes() {
        // The seed is relative to the lab's creation; measure how long ago that was from the fresh upload (3 minutes old then).
        Duration labAge = ((Duration) session.sql("select now() - created_at as age from uploads where id = ?::uuid",
                "a0000000-0000-4000-8000-000000000031").row(0).get("age")).minusMinutes(3);

        List<StuckUpload> stuck = session.stuckUploads(PostgresVerbs.STUCK_UPLOAD_THRESHOLD.plus(labAge));

        assertThat(stuck).extracting(StuckUpload::filename).containsExactly(
                "choir_rehearsal.flac", "summer_anthem_v3.wav", "interview_raw.wav", "drum_loops_pack.zip");
        StuckUpload processing = stuck.get(0);
        assertThat(processing.id()).isEqualTo("a0000000-0000-4000-8000-000000000021");
        assertThat(processing.status()).isEqualTo("processing");
        assertThat(processing.pendingJobId()).isEqualTo("d0000000-0000-4000-8000-000000000021");
        assertThat(processing.age()).isBetween(Duration.ofMinutes(185).plus(labAge), Duration.ofMinutes(186).plus(labAge));
        StuckUpload noJob = stuck.get(3);
        assertThat(noJob.userId()).isEqualTo("c0000000-0000-4000-8000-0000000000a1");
        assertThat(noJob.progress()).isEqualTo(64);
        assertThat(noJob.pendingJobId()).isNull();
        assertThat(noJob.updatedAt()).isAfter(noJob.createdAt());
        assertThat(stuck.get(1).pendingJobId()).isEqualTo("d0000000-0000-4000-8000-000000000011");
    }

    @Test
    void theDefaultThresholdIsTheRunbooksTenMinutes() {
        assertThat(session.stuckUploads()).extracting(StuckUpload::id).contains(
                "a0000000-0000-4000-8000-000000000011", "a0000000-0000-4000-8000-000000000012",
                "a0000000-0000-4000-8000-000000000013", "a0000000-0000-4000-8000-000000000021");
        assertThat(session.stuckUploads(Duration.ofDays(3650))).isEmpty();
        assertThat(session.stuckUploads(Duration.ofHours(2))).extracting(StuckUpload::filename)
                .contains("choir_rehearsal.flac", "summer_anthem_v3.wav");
        assertThatThrownBy(() -> session.stuckUploads(Duration.ofMinutes(-5)))
                .hasMessage("stuckUploads() needs a threshold of zero or more, not PT-5M");
    }

    @Test
    void aWrongPasswordIsAnAuthenticationFailure(@TempDir Path dir) throws Exception {
        Path wrong = Files.writeString(dir.resolve("pg.password"), "not-the-password\n");
        sessionOn(postgres(s -> InventoryCopies.password(s, new SecretRef("file:" + wrong, null))));
        int port = inventory.service("postgres").port();

        assertThatThrownBy(() -> session.sql("select 1"))
                .isInstanceOf(OpshException.class)
                .hasMessage("authentication failed for user opsh at 127.0.0.1:" + port + " (postgres 'postgres' at 127.0.0.1:"
                        + port + ", database veza)");
        assertThatThrownBy(() -> session.stuckUploads()).hasMessageStartingWith("authentication failed for user opsh");
    }

    @Test
    void aServerThatNeverAnswersFailsWithinTheDeadline() throws Exception {
        try (Blackhole blackhole = new Blackhole()) {
            sessionOn(postgres(s -> InventoryCopies.deadlines(InventoryCopies.port(s, blackhole.port()), QUICK)));

            LabSession.Timed sql = time(() -> session.sql("select 1"));
            LabSession.Timed stuck = time(() -> session.stuckUploads());

            for (LabSession.Timed timed : List.of(sql, stuck)) {
                assertThat(timed.failure()).isInstanceOf(DeadlineExceededException.class).hasMessage("postgres 'postgres' at"
                        + " 127.0.0.1:" + blackhole.port() + " did not answer within 1000 ms while connecting as user opsh to database veza");
                assertThat(timed.took()).isLessThan(QUICK.read().plus(SLACK));
            }
            assertThat(blackhole.accepted()).isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void ctrlCCancelsARunningQueryOnTheServerToo() {
        sessionOn(postgres(s -> InventoryCopies.deadlines(s, PATIENT)));
        session.sql("select 1");
        session.cancelAfter(Duration.ofMillis(300));

        LabSession.Timed timed = time(() -> session.sql("select pg_sleep(20) as opsh_cancel_probe"));

        assertThat(timed.failure()).hasMessageMatching("running sql\\(\\) on postgres 'postgres' at 127\\.0\\.0\\.1:\\d+ was cancelled");
        assertThat(timed.took()).isLessThan(Duration.ofMillis(300).plusSeconds(1));
        long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        long running;
        do {
            running = (Long) session.sql("select count(*) as n from pg_stat_activity where state = 'active'"
                    + " and query like '%opsh_cancel_probe%' and pid <> pg_backend_pid()").row(0).get("n");
        } while (running > 0 && System.nanoTime() < deadline);
        assertThat(running).isZero();
    }

    @Test
    void ctrlCCancelsAConnectToAServerThatNeverAnswers() throws Exception {
        try (Blackhole blackhole = new Blackhole()) {
            sessionOn(postgres(s -> InventoryCopies.deadlines(InventoryCopies.port(s, blackhole.port()), PATIENT)));
            session.context().provisioner().prepare(session.context().inventory().service("postgres"));
            session.cancelAfter(Duration.ofMillis(300));

            LabSession.Timed timed = time(() -> session.sql("select 1"));

            assertThat(timed.failure()).hasMessageEndingWith("was cancelled");
            assertThat(timed.took()).isLessThan(Duration.ofMillis(300).plusSeconds(1));
            assertThat(Thread.currentThread().isInterrupted()).isFalse();
        }
    }

    @Test
    void aNamedServiceMustExistAndBePostgres() {
        assertThat(maps(session.sql(Map.of("service", "postgres"), "select 1 as one"))).containsExactly(Map.of("one", 1));
        assertThatThrownBy(() -> session.sql(Map.of("service", "postgress"), "select 1"))
                .isInstanceOf(UnknownNameException.class)
                .hasMessage("unknown service 'postgress'; did you mean 'postgres'?");
        assertThatThrownBy(() -> session.sql(Map.of("service", "redis"), "select 1"))
                .hasMessage("service 'redis' is a redis service, not postgres");
    }

    @Test
    void healthIsUpWithTheServerVersion() {
        ServiceHealth health = new PostgresHealthCheck().probe(inventory.service("postgres"), session.context());

        assertThat(health.status()).isEqualTo(ServiceHealth.Status.UP);
        assertThat(health.version()).startsWith("15.");
        assertThat(health.endpoint()).isEqualTo("127.0.0.1:" + inventory.service("postgres").port());
        assertThat(health.error()).isNull();
    }

    @Test
    void healthOfAHungServerIsTimeoutWithinItsDeadline() throws Exception {
        try (Blackhole blackhole = new Blackhole()) {
            Inventory hung = postgres(s -> InventoryCopies.port(s, blackhole.port()));
            long started = System.nanoTime();

            ServiceHealth health = new PostgresHealthCheck().probe(hung.service("postgres"), sessionOn(hung).context());

            assertThat(health.status()).isEqualTo(ServiceHealth.Status.TIMEOUT);
            assertThat(health.error()).startsWith("postgres 'postgres' at 127.0.0.1:" + blackhole.port() + " did not answer within 2000 ms");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2).plus(SLACK));
        }
    }

    @Test
    void healthWithAWrongPasswordIsDown(@TempDir Path dir) throws Exception {
        Path wrong = Files.writeString(dir.resolve("pg.password"), "nope");
        Inventory badPassword = postgres(s -> InventoryCopies.password(s, new SecretRef("file:" + wrong, null)));

        ServiceHealth health = new PostgresHealthCheck().probe(badPassword.service("postgres"), sessionOn(badPassword).context());

        assertThat(health.status()).isEqualTo(ServiceHealth.Status.DOWN);
        assertThat(health.error()).startsWith("authentication failed for user opsh at 127.0.0.1:");
    }
}
