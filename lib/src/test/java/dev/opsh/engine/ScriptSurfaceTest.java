package dev.opsh.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opsh.adapters.haproxy.HaproxyStats;
import dev.opsh.adapters.redis.RedisFacade;
import dev.opsh.dsl.OpsContext;
import dev.opsh.dsl.Provisioner;
import dev.opsh.guard.GuardTestInventories;
import dev.opsh.guard.Operator;
import dev.opsh.guard.RecordingEvents;
import dev.opsh.inventory.Secrets;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * No raw client reaches a script: the facades verbs return show their public API only, and the
 * script's own wiring is hidden. Each expression here would, in plain Groovy, reach the session's
 * context (and from there any client) or a private method that hands out the raw Jedis client.
 */
class ScriptSurfaceTest {
    @TempDir
    Path dir;
    private Evaluator evaluator;

    @BeforeEach
    void session() {
        OpsContext context = new OpsContext(GuardTestInventories.small(dir, true), new Secrets(k -> null), new RecordingEvents(),
                Provisioner.NONE, Operator.NONE);
        evaluator = new Evaluator(context);
    }

    @Test
    void theFacadesAreTheVerbsObjectsWithBehaviour() {
        assertThat(ScriptSurface.FACADES).contains(RedisFacade.class, HaproxyStats.class);
        assertThat(ScriptSurface.WIRING).containsExactly("context");
    }

    @ParameterizedTest
    @ValueSource(strings = {"context()", "context", "this.context", "this.@context", "getContext()", "this.context()",
            "metaClass", "this.metaClass", "getMetaClass()", "this.getMetaClass()", "properties", "this.properties",
            "def f = this.&context; f()", "[1].collect { context() }", "this.invokeMethod('context', null)",
            "this.getProperty('context')", "redis.context", "redis.@context", "redis.calls", "redis.service",
            "redis.call('PING') { it }", "redis.invokeMethod('call', ['PING', { it }] as Object[])", "redis.metaClass",
            "redis.getMetaClass()", "redis.properties", "redis.with { context }", "redis.with { calls }",
            "def f = redis.&call; f('PING') { it }", "haproxy.context", "haproxy.@context", "haproxy.properties",
            "redis.getAttribute('context')", "def f = this.&context; f.call()", "this.&context.call()",
            "[this.&context].collect { it() }", "def g = this.&context; g.doCall()", "redis.respondsTo('call') ? 1 : redis.x"})
    void noScriptReachesTheSessionOrAClientBehindAFacade(String source) {
        assertThatThrownBy(() -> evaluator.evaluate(source))
                .satisfiesAnyOf(
                        e -> assertThat(e).isInstanceOf(groovy.lang.MissingMethodException.class),
                        e -> assertThat(e).isInstanceOf(groovy.lang.MissingPropertyException.class),
                        e -> assertThat(e).isInstanceOf(NullPointerException.class));
    }

    @Test
    void reflectionThroughTheMetaClassSeesNothingHidden() {
        assertThat(evaluator.evaluate("redis.hasProperty('context')")).isNull();
        assertThat(evaluator.evaluate("redis.respondsTo('call')")).isEqualTo(java.util.List.of());
        assertThat(evaluator.evaluate("respondsTo('context')")).isEqualTo(java.util.List.of());
    }

    @Test
    void theVerbsAndThePublicApiStillWork() {
        assertThat(evaluator.evaluate("inventory.name")).isEqualTo("drill");
        assertThat(evaluator.evaluate("getInventory().environment")).isEqualTo("drill");
        assertThat(evaluator.evaluate("redis.toString()")).asString().contains("read-only");
        assertThat(evaluator.evaluate("redis instanceof dev.opsh.adapters.redis.RedisFacade")).isEqualTo(true);
        assertThat(evaluator.evaluate("def twice(n) { n * 2 }; twice(21)")).isEqualTo(42);
        assertThat(evaluator.evaluate("twice(4)")).isEqualTo(8);
        assertThat(evaluator.evaluate("x = 5; [1, 2].collect { it * x }")).isEqualTo(java.util.List.of(5, 10));
        assertThat(evaluator.evaluate("binding.variables.x")).isEqualTo(5);
        assertThatThrownBy(() -> evaluator.evaluate("nosuchname")).isInstanceOf(groovy.lang.MissingPropertyException.class);
    }
}
