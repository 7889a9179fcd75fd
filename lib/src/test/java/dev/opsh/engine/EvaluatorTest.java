package dev.opsh.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opsh.dsl.OpsContext;
import dev.opsh.dsl.Provisioner;
import dev.opsh.dsl.SessionEvents;
import dev.opsh.inventory.Deadlines;
import dev.opsh.inventory.Inventory;
import dev.opsh.inventory.Secrets;
import dev.opsh.inventory.SshSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class EvaluatorTest {
    static OpsContext context() {
        Inventory inventory = new Inventory("t", Path.of("t.yml"), "lab", false, false, Map.of(), Map.of(), Map.of(),
                Deadlines.DEFAULTS, new SshSettings("/dev/null", 10, Duration.ofSeconds(5)), null, List.of());
        return new OpsContext(inventory, new Secrets(k -> null), SessionEvents.NONE, Provisioner.NONE);
    }

    private final Evaluator evaluator = new Evaluator(context());

    @Test
    void declaredVariablesPersistAcrossInputs() {
        evaluator.evaluate("def x = 41");
        evaluator.evaluate("String s = 'a'");
        evaluator.evaluate("def (a, b) = [1, 2]");
        assertThat(evaluator.evaluate("x + 1")).isEqualTo(42);
        assertThat(evaluator.evaluate("s * 3")).isEqualTo("aaa");
        assertThat(evaluator.evaluate("a + b")).isEqualTo(3);
        assertThat(evaluator.variables()).containsKeys("x", "s", "a", "b");
    }

    @Test
    void typedDeclarationsKeepTheirType() {
        evaluator.evaluate("long n = 5");
        assertThat(evaluator.evaluate("n")).isInstanceOf(Long.class);
    }

    @Test
    void declarationsInsideClosuresStayLocal() {
        evaluator.evaluate("def f = { def inner = 3; inner * 2 }");
        assertThat(evaluator.evaluate("f()")).isEqualTo(6);
        assertThat(evaluator.variables()).doesNotContainKey("inner");
    }

    @Test
    void methodsClassesAndImportsPersist() {
        evaluator.evaluate("def twice(n) { n * 2 }");
        evaluator.evaluate("class Point { int x; int y; int sum() { x + y } }");
        evaluator.evaluate("import java.util.concurrent.atomic.AtomicInteger");
        assertThat(evaluator.evaluate("twice(21)")).isEqualTo(42);
        assertThat(evaluator.evaluate("new Point(x: 1, y: 2).sum()")).isEqualTo(3);
        assertThat(evaluator.evaluate("new AtomicInteger(7).get()")).isEqualTo(7);
        assertThat(evaluator.methods()).contains("twice");
    }

    @Test
    void aBadImportIsNotKept() {
        assertThatThrownBy(() -> evaluator.evaluate("import no.such.Thing\n1")).isInstanceOf(EvaluationException.class);
        assertThat(evaluator.evaluate("1 + 1")).isEqualTo(2);
    }

    @Test
    void anUnresolvedClassIsReportedOnOneLine() {
        assertThatThrownBy(() -> evaluator.evaluate("import no.such.Thing"))
                .isInstanceOf(EvaluationException.class)
                .hasMessage("unable to resolve class no.such.Thing at line 1, column 1");
    }

    @Test
    void syntaxErrorsNameLineAndColumn() {
        assertThatThrownBy(() -> evaluator.evaluate("1 + )"))
                .isInstanceOf(EvaluationException.class)
                .hasMessageContaining("line 1, column");
    }

    @Test
    void durationsReadAsOperatorsWriteThem() {
        assertThat(evaluator.evaluate("10.minutes")).isEqualTo(Duration.ofMinutes(10));
        assertThat(evaluator.evaluate("24.hours + 500.millis")).isEqualTo(Duration.ofHours(24).plusMillis(500));
        assertThat(evaluator.evaluate("Duration.ofSeconds(3)")).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void aRepeatedInputIsCompiledOnceAndStillSeesTheSession() {
        evaluator.evaluate("def n = 1");
        for (int i = 0; i < 5; i++) {
            evaluator.evaluate("n = n * 2");
        }
        assertThat(evaluator.evaluate("n")).isEqualTo(32);
        assertThat(evaluator.cachedInputs()).isEqualTo(3);
    }

    @Test
    void aRedefinedMethodTakesEffect() {
        evaluator.evaluate("def f() { 1 }");
        evaluator.evaluate("def f() { 2 }");
        assertThat(evaluator.evaluate("f()")).isEqualTo(2);
    }

    @Test
    void theClassLoaderKeepsDeclaredClassesButNotOnePerInput() {
        evaluator.evaluate("class Point { int x }");
        for (int i = 0; i < 2_000; i++) {
            evaluator.evaluate("new Point(x: " + i + ").x + 1");
        }
        assertThat(evaluator.evaluate("new Point(x: 41).x + 1")).isEqualTo(42);
        assertThat(evaluator.retainedClasses()).isLessThan(5);
        assertThat(evaluator.cachedInputs()).isLessThanOrEqualTo(256);
    }

    @Test
    void resetForgetsTheSession() {
        evaluator.evaluate("def x = 1");
        evaluator.reset();
        assertThat(evaluator.variables()).isEmpty();
    }

    @Test
    void cancelStopsABusyLoopAndASleep() throws Exception {
        for (String source : List.of("while (true) { }", "Thread.sleep(60000)", "def i = 0; for (;;) { i++ }")) {
            CompletableFuture<Throwable> outcome = CompletableFuture.supplyAsync(() -> {
                try {
                    evaluator.evaluate(source);
                    return null;
                } catch (Throwable t) {
                    return t;
                }
            });
            while (!evaluator.isEvaluating()) {
                Thread.onSpinWait();
            }
            Thread.sleep(50);
            evaluator.cancel();
            assertThat(outcome.get(1, TimeUnit.SECONDS)).as(source).isInstanceOf(EvaluationInterrupted.class);
        }
        assertThat(evaluator.evaluate("1 + 1")).isEqualTo(2);
    }

    @Test
    void theInventoryIsAVerb() {
        assertThat(evaluator.evaluate("inventory.environment")).isEqualTo("lab");
        assertThat(VerbCatalog.names()).contains("inventory");
    }

    @Test
    @org.junit.jupiter.api.Timeout(60)
    void aLongSessionKeepsItsImportsOnce() {
        evaluator.evaluate("import java.util.concurrent.atomic.AtomicLong");
        for (int i = 0; i < 60; i++) {
            assertThat(evaluator.evaluate("new AtomicLong(" + i + ").get() + Duration.ofSeconds(1).seconds")).isEqualTo(i + 1L);
        }
    }
}
