package dev.opsh.guard;

import static dev.opsh.guard.GuardTestInventories.session;
import static dev.opsh.guard.GuardTestInventories.small;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opsh.ExitCode;
import dev.opsh.OpshException;
import dev.opsh.dsl.Effect;
import dev.opsh.dsl.OpsContext;
import dev.opsh.guard.GuardRecord.Decision;
import dev.opsh.inventory.Inventory;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The guard's rules, decided on inventories whose services are never reached (nothing runs here). */
class GuardTest {
    private static final Map<String, String> CONFIRMED = Map.of("CONFIRM_PROD", "1");

    @TempDir
    Path dir;
    private final RecordingEvents events = new RecordingEvents();

    private static GuardedAction purge() {
        return GuardedAction.of("purge").subject("transcode_jobs").command("AMQP queue.purge 'transcode_jobs'")
                .messagesLost(12).build();
    }

    private static GuardedAction kill() {
        return GuardedAction.of("kill").command("on a: systemctl kill -s KILL redis-server").impact("redis", "sessions are lost")
                .target(new GuardTarget("redis", "a", "127.0.0.1:1")).build();
    }

    private OpshException refused(OpsContext context, GuardedAction action) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> context.guard().authorize(action));
        assertThat(thrown).isInstanceOf(OpshException.class);
        OpshException e = (OpshException) thrown;
        assertThat(e.exitCode()).isEqualTo(ExitCode.REFUSED);
        assertThat(e.getMessage()).startsWith("refused: ").endsWith("Nothing was run.").doesNotContain("\n");
        assertThat(events.lastGuard().decision()).isEqualTo(Decision.REFUSED);
        return e;
    }

    @Test
    void anUnprotectedInventoryRunsAfterAOneLinePreviewAndRecordsIt() {
        ScriptedPrompt prompt = new ScriptedPrompt();
        OpsContext context = session(small(dir, false), Map.of(), prompt, events);

        context.guard().authorize(purge());

        assertThat(prompt.asked).isEmpty();
        assertThat(events.notices).singleElement().asString()
                .startsWith("staging: purge: AMQP queue.purge 'transcode_jobs'").contains("loses 12 messages").doesNotContain("\n");
        GuardRecord record = events.lastGuard();
        assertThat(record.decision()).isEqualTo(Decision.ALLOWED);
        assertThat(record.effect()).isEqualTo(Effect.MUTATE);
        assertThat(record.environment()).isEqualTo("staging");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "0", "yes", "true", " 1", "1 ", "01"})
    void aProtectedInventoryRefusesUnlessConfirmProdIsExactlyOne(String value) {
        ScriptedPrompt prompt = new ScriptedPrompt("purge transcode_jobs");
        Map<String, String> env = value == null ? Map.of() : Map.of("CONFIRM_PROD", value);
        OpsContext context = session(small(dir, true), env, prompt, events);

        OpshException e = refused(context, purge());

        assertThat(e.getMessage()).contains("CONFIRM_PROD=1").contains("CONFIRM_PROD=1 opsh -i drill");
        assertThat(prompt.asked).as("refused before anything is asked").isEmpty();
        assertThat(events.lastGuard().preview()).contains("purge").contains("12 messages");
    }

    @Test
    void theExactPhraseConfirmsAfterThePreview() {
        ScriptedPrompt prompt = new ScriptedPrompt("purge transcode_jobs");
        OpsContext context = session(small(dir, true), CONFIRMED, prompt, events);

        context.guard().authorize(purge());

        assertThat(prompt.shown).singleElement().satisfies(preview -> {
            assertThat(preview.lines().get(0)).isEqualTo("PROTECTED inventory drill (environment drill): purge, MUTATE");
            assertThat(preview.text()).contains("command: AMQP queue.purge 'transcode_jobs'").contains("loses:   12 messages");
        });
        assertThat(prompt.asked).singleElement().asString().contains("'purge transcode_jobs'");
        GuardRecord record = events.lastGuard();
        assertThat(record.decision()).isEqualTo(Decision.CONFIRMED);
        assertThat(record.preview()).isEqualTo(prompt.shown.get(0).text());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "PURGE TRANSCODE_JOBS", "purge transcode_jobs ", " purge transcode_jobs", "purge", "yes",
            "KILL-PROD", "purge  transcode_jobs"})
    void anythingButTheExactPhraseRefuses(String typed) {
        ScriptedPrompt prompt = new ScriptedPrompt(typed);
        OpsContext context = session(small(dir, true), CONFIRMED, prompt, events);

        OpshException e = refused(context, purge());

        assertThat(e.getMessage()).contains("not exactly 'purge transcode_jobs'");
    }

    @Test
    void whatWasTypedIsNeverShownNorRecorded() {
        String typed = "purge transcode_jobs-TYPED-7731";
        OpsContext context = session(small(dir, true), CONFIRMED, new ScriptedPrompt(typed), events);

        OpshException e = refused(context, purge());

        assertThat(e.getMessage()).doesNotContain("TYPED-7731");
        assertThat(events.guards.toString()).doesNotContain("TYPED-7731");
        assertThat(events.notices.toString()).doesNotContain("TYPED-7731");
    }

    @Test
    void endOfInputOrNoTerminalRefuses() {
        OpsContext context = session(small(dir, true), CONFIRMED, ConfirmationPrompt.NO_TERMINAL, events);

        assertThat(refused(context, purge()).getMessage()).contains("no phrase was typed").contains("never from standard input");
    }

    @Test
    void anInterruptWhileWaitingForThePhraseRefuses() {
        ConfirmationPrompt interrupted = new ConfirmationPrompt() {
            @Override
            public void show(Preview preview) {
            }

            @Override
            public String readLine(String prompt) {
                Thread.currentThread().interrupt();
                return "purge transcode_jobs";
            }
        };
        OpsContext context = session(small(dir, true), CONFIRMED, interrupted, events);
        try {
            assertThat(refused(context, purge()).getMessage()).contains("interrupted");
            assertThat(Thread.currentThread().isInterrupted()).as("cleared, so the refusal can be recorded").isFalse();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void chaosAsksForKillProdWhateverTheVerb() {
        ScriptedPrompt prompt = new ScriptedPrompt("KILL-PROD");
        OpsContext context = session(small(dir, true), Map.of("CONFIRM_PROD", "1", "SKIP_BACKUP_FRESHNESS", "1"), prompt, events);

        context.guard().authorize(kill());

        assertThat(prompt.asked).singleElement().asString().contains("'KILL-PROD'");
        assertThat(prompt.shown.get(0).text()).contains("impact:  redis: sessions are lost")
                .contains("target:  service 'redis' on host a (127.0.0.1:1)");
    }

    @Test
    void chaosWithoutABackupSectionIsRefusedByThePreFlight() {
        ScriptedPrompt prompt = new ScriptedPrompt("KILL-PROD");
        OpsContext context = session(small(dir, true), CONFIRMED, prompt, events);

        OpshException e = refused(context, kill());

        assertThat(e.getMessage()).contains("backup-freshness pre-flight failed").contains("no 'backup:' section")
                .contains("SKIP_BACKUP_FRESHNESS=1");
        assertThat(prompt.asked).as("no phrase is asked for after a failed pre-flight").isEmpty();
        assertThat(prompt.shown).singleElement().satisfies(p -> assertThat(p.backup()).startsWith("REFUSED: "));
        assertThat(events.lastGuard().backupFreshnessSkipped()).isFalse();
    }

    @Test
    void skipBackupFreshnessSkipsThePreFlightLoudlyAndOnTheRecordButNotThePhrase() {
        ScriptedPrompt prompt = new ScriptedPrompt("kill-prod");
        OpsContext context = session(small(dir, true), Map.of("CONFIRM_PROD", "1", "SKIP_BACKUP_FRESHNESS", "1"), prompt, events);

        refused(context, kill());

        assertThat(events.notices).anySatisfy(n -> assertThat(n).startsWith("WARNING: ").contains("SKIPPED"));
        assertThat(events.lastGuard().backupFreshnessSkipped()).isTrue();
        assertThat(prompt.shown.get(0).backup()).contains("PRE-FLIGHT SKIPPED");
    }

    @Test
    void skipBackupFreshnessMustBeExactlyOne() {
        ScriptedPrompt prompt = new ScriptedPrompt("KILL-PROD");
        OpsContext context = session(small(dir, true), Map.of("CONFIRM_PROD", "1", "SKIP_BACKUP_FRESHNESS", "yes"), prompt, events);

        assertThat(refused(context, kill()).getMessage()).contains("no 'backup:' section");
    }

    @Test
    void bringingServicesBackNeedsNoBackupButStillThePhrase() {
        GuardedAction start = GuardedAction.of("start").command("on a: systemctl start redis-server").restoring().build();
        ScriptedPrompt prompt = new ScriptedPrompt("KILL-PROD");
        OpsContext context = session(small(dir, true), CONFIRMED, prompt, events);

        context.guard().authorize(start);

        assertThat(prompt.shown.get(0).backup()).contains("not needed to bring services back");
        assertThat(events.lastGuard().decision()).isEqualTo(Decision.CONFIRMED);
        assertThat(refused(session(small(dir, true), CONFIRMED, new ScriptedPrompt(""), events), start).getMessage())
                .contains("KILL-PROD");
    }

    @Test
    void theEffectComesFromTheVerbDeclarationNotTheCaller() {
        GuardedAction forged = new GuardedAction("purge", Effect.CHAOS, List.of(), "x", List.of(), null, List.of(), null, false);
        OpsContext context = session(small(dir, false), Map.of(), new ScriptedPrompt(), events);

        assertThatThrownBy(() -> context.guard().authorize(forged)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> GuardedAction.of("sql").command("select 1").build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("READ");
        assertThatThrownBy(() -> GuardedAction.of("nosuchverb").command("x").build())
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void nobodyAtTheKeyboardIsRefusedOnAProtectedInventory() {
        Inventory drill = small(dir, true);
        OpsContext context = new OpsContext(drill, new dev.opsh.inventory.Secrets(k -> null), events,
                dev.opsh.dsl.Provisioner.NONE);

        assertThat(context.operator()).isEqualTo(Operator.NONE);
        refused(context, purge());
    }
}
