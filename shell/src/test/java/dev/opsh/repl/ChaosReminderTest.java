package dev.opsh.repl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsh.chaos.ChaosTestLabs;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** /exit and Ctrl-D ask before leaving while this session's chaos has services down. */
class ChaosReminderTest {
    @TempDir
    Path dir;

    @Test
    void exitWithNothingDownLeavesAtOnce() throws Exception {
        try (ReplHarness repl = new ReplHarness(dir)) {
            repl.type("/exit\r");
            assertThat(ChaosTestLabs.eventually(Duration.ofSeconds(5), repl::finished)).isTrue();
            assertThat(repl.text()).doesNotContain("Leave anyway");
        }
    }

    @Test
    void exitWithServicesDownAsksAndStaysUnlessTheAnswerIsYes() throws Exception {
        try (ReplHarness repl = new ReplHarness(dir)) {
            ChaosTestLabs.markDown(repl.session.evaluator().context().chaosLedger(), "redis", "web1");
            int from = repl.text().length();
            repl.type("/exit\r");
            String shown = repl.awaitAfter(from, "Type yes to leave: ", Duration.ofSeconds(10));

            assertThat(shown).contains("this session took down what is still down: redis on web1 (kill, down since")
                    .contains("restoreAll() brings it all back.");

            from = repl.text().length();
            repl.type("no\r");
            repl.awaitAfter(from, " staging  > ", Duration.ofSeconds(10));
            assertThat(repl.enter("1 + 1")).isEqualTo("2");
            assertThat(repl.finished()).isFalse();

            from = repl.text().length();
            repl.type("\u0004");
            repl.awaitAfter(from, "Type yes to leave: ", Duration.ofSeconds(10));
            repl.type("yes\r");
            assertThat(ChaosTestLabs.eventually(Duration.ofSeconds(5), repl::finished)).isTrue();
        }
    }
}
