package dev.opsh.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opsh.ExitCode;
import dev.opsh.OpshException;
import dev.opsh.adapters.postgres.Requeued;
import dev.opsh.adapters.postgres.SqlWriteResult;
import dev.opsh.adapters.postgres.UploadState;
import dev.opsh.fixes.QueueFixes;
import dev.opsh.fixes.RedisFixes;
import dev.opsh.inventory.Inventory;
import dev.opsh.lab.Lab;
import dev.opsh.lab.LabExtension;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;

/**
 * The runbooks' fixes accepted on the drill inventory (CONFIRM_PROD=1 and the typed phrase), against
 * a throw-away lab, each checked in the real database, queue or cache afterwards.
 */
class FixVerbsDrillTest {
    private static final String STUCK_NO_JOB = "a0000000-0000-4000-8000-000000000013";
    private static final String STUCK_HUNG_JOB = "a0000000-0000-4000-8000-000000000021";
    private static final String STUCK_PENDING_JOB = "a0000000-0000-4000-8000-000000000011";

    @TempDir
    static Path dir;
    private static Lab victim;
    private static Inventory drill;
    private static LabState state;

    @BeforeAll
    static void victim() {
        victim = LabExtension.victim(dir, "postgres", "redis", "rabbitmq");
        drill = LabExtension.inventory(victim, "drill");
        state = new LabState(drill);
    }

    @AfterAll
    static void takeDown() {
        victim.down();
    }

    private static long pendingJobs(String upload) {
        return ((Number) state.sqlValue("select count(*) from job_queue where type = 'process_upload' and status = 'pending'"
                + " and payload->>'upload_id' = '" + upload + "'")).longValue();
    }

    @Test
    void requeueStuckIsIdempotent() {
        try (DrillSession session = new DrillSession(drill, DrillSession.confirmed(), "requeueStuck uploads",
                "requeueStuck uploads")) {
            List<Requeued> first = session.eval("requeueStuck()");

            assertThat(first).extracting(Requeued::uploadId).containsExactlyInAnyOrder(STUCK_NO_JOB, STUCK_HUNG_JOB);
            assertThat(first).allSatisfy(r -> assertThat(r.inserted()).isTrue());
            assertThat(session.prompt.shown.get(0).text()).contains("insert into job_queue").contains("not exists")
                    .contains("2 upload(s) stuck over 10m");
            assertThat(pendingJobs(STUCK_NO_JOB)).isEqualTo(1);
            assertThat(pendingJobs(STUCK_HUNG_JOB)).isEqualTo(1);

            List<Requeued> second = session.eval("requeueStuck()");

            assertThat(second).isEmpty();
            assertThat(session.prompt.shown.get(1).text()).contains("0 upload(s)");
            for (String upload : List.of(STUCK_NO_JOB, STUCK_HUNG_JOB, STUCK_PENDING_JOB)) {
                assertThat(pendingJobs(upload)).as(upload).isEqualTo(1);
            }
        }
        try (DrillSession session = new DrillSession(drill, DrillSession.confirmed(), "requeue " + STUCK_PENDING_JOB)) {
            Requeued existing = session.eval("requeue('" + STUCK_PENDING_JOB + "')");

            assertThat(existing.inserted()).isFalse();
            assertThat(existing.jobId()).isEqualTo("d0000000-0000-4000-8000-000000000011");
            assertThat(pendingJobs(STUCK_PENDING_JOB)).isEqualTo(1);
        }
    }

    @Test
    void markFailedEndsAnUnfinishedUploadWithItsReason() {
        String upload = "a0000000-0000-4000-8000-000000000012";
        try (DrillSession session = new DrillSession(drill, DrillSession.confirmed(), "markFailed " + upload)) {
            UploadState failed = session.eval("markFailed('" + upload + "', 'source file missing from storage')");

            assertThat(failed.status()).isEqualTo("failed");
            assertThat(state.sqlValue("select error_message from uploads where id = '" + upload + "'"))
                    .isEqualTo("source file missing from storage");
            assertThatThrownBy(() -> session.eval("markFailed('" + upload + "', 'again')")).isInstanceOf(OpshException.class)
                    .hasMessageContaining("is already failed");
            assertThatThrownBy(() -> session.eval("requeue('a0000000-0000-4000-8000-000000000001')"))
                    .hasMessageContaining("is completed; requeue() is for uploads stuck");
        }
    }

    @Test
    void sqlWriteCommitsOneStatement() {
        try (DrillSession session = new DrillSession(drill, DrillSession.confirmed(), "sqlWrite postgres", "sqlWrite postgres")) {
            SqlWriteResult result = session.eval("sqlWrite(\"update tracks set hls_status = 'ready' where hls_status is null"
                    + " and upload_id = ?::uuid returning id\", 'a0000000-0000-4000-8000-000000000006')");

            assertThat(result.rowsAffected()).isEqualTo(1);
            assertThat(result.returned().column("id")).hasSize(1);
            assertThat(state.sqlValue("select count(*) from tracks where hls_status is null")).isEqualTo(0L);
            assertThat(session.prompt.shown.get(0).text()).contains("update tracks set hls_status")
                    .contains("parameters, in order of the ?s: 'a0000000-0000-4000-8000-000000000006'");
            assertThatThrownBy(() -> session.eval("sqlWrite('delete from tracks; delete from uploads')"))
                    .hasMessageContaining("runs one statement per call");
            assertThat(session.prompt.asked).as("a second statement is refused before anything is asked").hasSize(1);
        }
    }

    @Test
    void purgeShowsTheMessagesItLosesAndRemovesThem() {
        long ready = state.readyMessages("transcode_jobs");
        assertThat(ready).isEqualTo(12);
        try (DrillSession session = new DrillSession(drill, DrillSession.confirmed(), "purge transcode_jobs")) {
            QueueFixes.Purged purged = session.eval("purge('transcode_jobs')");

            assertThat(session.prompt.shown.get(0).text()).contains("loses:   12 messages");
            assertThat(purged.previewed()).isEqualTo(12);
            assertThat(purged.purged()).isEqualTo(12);
            assertThat(state.readyMessages("transcode_jobs")).isZero();
            assertThat(state.readyMessages("dmca_propagation")).as("other queues untouched").isEqualTo(2);
            assertThatThrownBy(() -> session.eval("purge('transcode_job')")).isInstanceOf(OpshException.class)
                    .hasMessageContaining("did you mean").hasMessageContaining("transcode_jobs");
        }
    }

    @Test
    void redisWritesDeleteExpireAndFlushWhatThePreviewSaid() {
        try (Jedis jedis = state.redis()) {
            for (int i = 0; i < 3; i++) {
                jedis.set("cache:dmca:" + i, "x");
            }
            jedis.set("cache:track:9", "x");
            jedis.set("session:42", "x");
        }
        try (DrillSession session = new DrillSession(drill, DrillSession.confirmed(), "flushCache cache:dmca:*",
                "expire cache:track:9", "del session:42")) {
            RedisFixes.Flushed flushed = session.eval("flushCache('cache:dmca:*')");
            assertThat(session.prompt.shown.get(0).text()).contains("3 key(s) match 'cache:dmca:*'");
            assertThat(flushed.matched()).isEqualTo(3);
            assertThat(flushed.deleted()).isEqualTo(3);

            assertThat(session.<Boolean>eval("expire('cache:track:9', 10.minutes)")).isTrue();
            assertThat(session.<Boolean>eval("del('session:42')")).isTrue();
        }
        try (Jedis jedis = state.redis()) {
            assertThat(jedis.keys("cache:dmca:*")).isEmpty();
            assertThat(jedis.pttl("cache:track:9")).isBetween(1L, 600_000L);
            assertThat(jedis.exists("session:42")).isFalse();
        }
    }

    @Test
    void onTheUnprotectedLabInventoryAMutationRunsAfterAOneLinePreview() {
        Inventory lab = LabExtension.inventory(victim, "lab");
        try (Jedis jedis = state.redis()) {
            jedis.set("opsh:lab-del", "x");
        }
        try (DrillSession session = new DrillSession(lab, Map.of())) {
            assertThat(session.<Boolean>eval("del('opsh:lab-del')")).isTrue();

            assertThat(session.prompt.asked).isEmpty();
            assertThat(session.events.notices).singleElement().asString().startsWith("lab: del service 'redis' on host lab");
            assertThat(session.events.lastGuard().decision()).isEqualTo(GuardRecord.Decision.ALLOWED);
        }
        try (Jedis jedis = state.redis()) {
            assertThat(jedis.exists("opsh:lab-del")).isFalse();
        }
    }

    @Test
    void aRefusedFixWritesNothing() {
        String digest = state.uploadTablesDigest();
        try (DrillSession session = new DrillSession(drill, DrillSession.confirmed(), "requeueStuck")) {
            OpshException e = (OpshException) org.assertj.core.api.Assertions.catchThrowable(() -> session.eval("requeueStuck()"));
            assertThat(e.exitCode()).isEqualTo(ExitCode.REFUSED);
        }
        assertThat(state.uploadTablesDigest()).isEqualTo(digest);
    }
}
