package dev.opsh.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opsh.dsl.OpsContext;
import dev.opsh.dsl.SessionEvents;
import dev.opsh.inventory.Inventory;
import dev.opsh.inventory.Secrets;
import dev.opsh.lab.Lab;
import dev.opsh.lab.LabExtension;
import dev.opsh.lab.LabProvisioner;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The data verbs as an operator types them: lines run by the session's Evaluator, against the lab. */
@ExtendWith(LabExtension.class)
@SuppressWarnings("unchecked")
class DataVerbsScriptIntegrationTest {
    private final OpsContext context;
    private final Evaluator evaluator;

    DataVerbsScriptIntegrationTest(Lab lab, Inventory inventory) {
        context = new OpsContext(inventory, Secrets.fromSystem(), SessionEvents.NONE, new LabProvisioner(lab, SessionEvents.NONE));
        evaluator = new Evaluator(context);
    }

    @AfterEach
    void close() {
        context.close();
    }

    private Object eval(String line) {
        return evaluator.evaluate(line);
    }

    @Test
    void cancellingTheEvaluationEndsARunningQueryWithinASecond() throws Exception {
        eval("sql('select 1')");
        Thread ctrlC = new Thread(() -> {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                return;
            }
            evaluator.cancel();
        });
        ctrlC.start();
        long started = System.nanoTime();

        assertThatThrownBy(() -> eval("sql('select pg_sleep(8)')")).hasMessageEndingWith("was cancelled");

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(1300));
        ctrlC.join();
        assertThat(eval("sql('select 1 as one').rows[0].one")).isEqualTo(1);
    }

    @Test
    void sqlRowsFilterByColumnName() {
        assertThat(eval("sql('select status, count(*) as n from uploads group by status').rows.findAll { it.status == 'uploading' }*.n"))
                .isEqualTo(List.of(5L));
        assertThat(eval("def s = 'uploading'; sql(\"select id from uploads where status = ? and progress < ?\", s, 50).size()"))
                .isEqualTo(1);
        assertThat(eval("def table = 'uploads'; sql(\"select count(*) as n from ${table}\").rows[0].n")).isEqualTo(13L);
        assertThat(eval("sql(service: 'postgres', 'select ? as x', Instant.EPOCH).rows[0].x")).hasToString("1970-01-01T00:00:00Z");
    }

    @Test
    void stuckUploadsWithAndWithoutThreshold() {
        assertThat((List<Object>) eval("stuckUploads().findAll { it.pendingJobId == null }*.filename")).contains("drum_loops_pack.zip");
        assertThat((List<Object>) eval("stuckUploads(Duration.ofHours(1))*.filename"))
                .contains("choir_rehearsal.flac", "summer_anthem_v3.wav").doesNotContain("drum_loops_pack.zip");
        assertThat(eval("stuckUploads(60.minutes)*.id == stuckUploads(Duration.ofHours(1))*.id")).isEqualTo(true);
    }

    @Test
    void redisIsAPropertyWithReadMethods() {
        assertThat(eval("redis.ping()")).isEqualTo("PONG");
        assertThat(eval("redis.info('memory').used_memory")).isNotNull();
        assertThat(eval("redis.ttl('opsh-script-test:none').state.name()")).isEqualTo("MISSING");
        assertThat(eval("redis('redis').memory().maxmemoryPolicy")).isEqualTo("noeviction");
        assertThat(eval("redis.scan('opsh-script-test:*').keys")).isEqualTo(List.of());
    }

    @Test
    void backupsAndTheirAge() {
        assertThat((List<Object>) eval("backups()*.type")).contains("full");
        assertThat(eval("backupAge() < Duration.ofHours(24)")).isEqualTo(true);
    }
}
