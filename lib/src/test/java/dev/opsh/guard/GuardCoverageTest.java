package dev.opsh.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.opsh.chaos.ChaosTestLabs;
import dev.opsh.dsl.Effect;
import dev.opsh.dsl.Verb;
import dev.opsh.dsl.Verbs;
import dev.opsh.engine.OpsScript;
import dev.opsh.engine.VerbCatalog;
import dev.opsh.engine.VerbCatalog.VerbInfo;
import dev.opsh.inventory.Inventory;
import dev.opsh.lab.LabExtension;
import dev.opsh.lab.LabInventory;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;

/**
 * The whole DSL, enumerated: every verb declares its effect, and every MUTATE or CHAOS verb, run on
 * the drill inventory without CONFIRM_PROD, is refused by the guard and changes nothing in the lab.
 * A new verb fails this test until it is declared, and, if it changes anything, guarded.
 */
@ExtendWith(LabExtension.class)
class GuardCoverageTest {
    private static final String SENTINEL = "opsh:coverage";
    private static final List<String> QUEUES = List.of("transcode_jobs", "distribution_outbox", "dmca_propagation",
            "search_index_updates");

    @TempDir
    Path dir;

    @Test
    void everyPublicMethodOfAVerbGroupIsADeclaredVerbOrTheContext() {
        Set<String> undeclared = new TreeSet<>();
        for (Class<?> group : verbGroups(OpsScript.class, new java.util.LinkedHashSet<>())) {
            for (Method method : group.getDeclaredMethods()) {
                int modifiers = method.getModifiers();
                if (Modifier.isPublic(modifiers) && !Modifier.isStatic(modifiers) && !method.isSynthetic()
                        && method.getAnnotation(Verb.class) == null) {
                    undeclared.add(group.getSimpleName() + "." + method.getName());
                }
            }
        }
        assertThat(undeclared).containsExactly("Verbs.context");
        assertThat(VerbCatalog.all()).allSatisfy(v -> assertThat(v.effect()).isNotNull());
    }

    @Test
    void noMutatingVerbRunsWithoutTheGuard(@LabInventory("drill") Inventory drill) {
        LabState state = new LabState(drill);
        Path marker = dir.resolve("marker");
        try (Jedis redis = state.redis()) {
            redis.set(SENTINEL, "keep");
        }
        String digest = state.uploadTablesDigest();
        List<Long> depths = QUEUES.stream().map(state::readyMessages).toList();

        List<String> exercised = new ArrayList<>();
        SoftAssertions soft = new SoftAssertions();
        for (VerbInfo verb : VerbCatalog.all()) {
            if (verb.effect() == Effect.READ) {
                continue;
            }
            String source = verb.name() + "(" + arguments(verb, marker) + ")";
            exercised.add(source);
            try (DrillSession session = new DrillSession(drill, Map.of(), "KILL-PROD", verb.name())) {
                ChaosTestLabs.markDown(session.context.chaosLedger(), "redis", "lab");
                try {
                    Object result = session.evaluator.evaluate(source);
                    soft.fail(source + " ran without the guard and returned " + result);
                } catch (dev.opsh.OpshException e) {
                    soft.assertThat(e.exitCode()).as(source + ": " + e.getMessage()).isEqualTo(dev.opsh.ExitCode.REFUSED);
                    soft.assertThat(e.getMessage()).as(source).contains("needs CONFIRM_PROD=1");
                }
                soft.assertThat(session.events.guards).as(source + " is recorded").isNotEmpty();
                soft.assertThat(session.events.remote).as(source + " ran nothing remotely").isEmpty();
                soft.assertThat(session.prompt.asked).as(source + " asked nothing").isEmpty();
            }
        }
        soft.assertAll();

        assertThat(exercised).as("every MUTATE and CHAOS verb").hasSize(
                (int) VerbCatalog.all().stream().filter(v -> v.effect() != Effect.READ).count()).isNotEmpty();
        assertThat(state.uploadTablesDigest()).isEqualTo(digest);
        assertThat(QUEUES.stream().map(state::readyMessages).toList()).isEqualTo(depths);
        try (Jedis redis = state.redis()) {
            assertThat(redis.get(SENTINEL)).isEqualTo("keep");
            assertThat(redis.ttl(SENTINEL)).isEqualTo(-1);
            assertThat(redis.ping()).isEqualTo("PONG");
        }
        assertThat(state.sqlValue("select 1")).isEqualTo(1);
        assertThat(marker).doesNotExist();
    }

    private static Set<Class<?>> verbGroups(Class<?> type, Set<Class<?>> found) {
        for (Class<?> parent : type.getInterfaces()) {
            if (Verbs.class.isAssignableFrom(parent) && found.add(parent)) {
                verbGroups(parent, found);
            }
        }
        if (type.getSuperclass() != null) {
            verbGroups(type.getSuperclass(), found);
        }
        return found;
    }

    /** A Groovy argument list for {@code verb}, by parameter name; a verb with an unknown parameter fails the test. */
    private static String arguments(VerbInfo verb, Path marker) {
        List<String> args = new ArrayList<>();
        for (Parameter p : verb.method().getParameters()) {
            String value = switch (p.getName()) {
                case "service" -> "'redis'";
                case "node", "target" -> "'lab'";
                case "queue" -> "'transcode_jobs'";
                case "key" -> "'" + SENTINEL + "'";
                case "pattern" -> "'" + SENTINEL + "*'";
                case "ttl", "threshold" -> "10.minutes";
                case "uploadId" -> "'a0000000-0000-4000-8000-000000000013'";
                case "reason" -> "'coverage'";
                case "query" -> "'delete from job_queue'";
                case "command" -> "'touch " + marker + "'";
                case "params" -> null;
                default -> fail("no argument for parameter '" + p.getName() + "' of " + verb.signature()
                        + "; add one here so the verb is exercised");
            };
            if (value != null) {
                args.add(value);
            }
        }
        return String.join(", ", args);
    }
}
