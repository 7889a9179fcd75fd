package dev.opsh.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompiledInputStoreTest {
    @TempDir
    Path dir;

    private static final String INPUT = "def doubled = [1, 2, 3].collect { it * 2 }\ndoubled.sum()";

    private Object evaluate(ScriptCompiler compiler, String source) {
        return new Evaluator(EvaluatorTest.context(), compiler).evaluate(source);
    }

    @Test
    void aLaterSessionRunsTheStoredClassesWithoutCompiling() {
        CompiledInputStore store = CompiledInputStore.at(dir);
        ScriptCompiler first = new ScriptCompiler(store);
        assertThat(evaluate(first, INPUT)).isEqualTo(12);
        assertThat(first.groovyCompiles()).isEqualTo(1);

        ScriptCompiler second = new ScriptCompiler(store);
        Evaluator session = new Evaluator(EvaluatorTest.context(), second);
        assertThat(session.evaluate(INPUT)).isEqualTo(12);
        assertThat(session.variables()).containsEntry("doubled", List.of(2, 4, 6));
        assertThat(second.groovyCompiles()).isZero();
        assertThat(session.evaluate(INPUT)).as("then from the session's own cache").isEqualTo(12);
        assertThat(second.groovyCompiles()).isZero();
    }

    @Test
    void theEntryIsTheUsersOwn() throws IOException {
        evaluate(new ScriptCompiler(CompiledInputStore.at(dir.resolve("compiled"))), INPUT);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("compiled")))).isEqualTo("rwx------");
        assertThat(entries(dir.resolve("compiled"))).hasSize(1);
    }

    @Test
    void inputsThatDeclareImportsOrClassesAreNotStoredAndEndTheStoresUse() throws IOException {
        CompiledInputStore store = CompiledInputStore.at(dir);
        ScriptCompiler compiler = new ScriptCompiler(store);
        evaluate(compiler, "import java.util.concurrent.atomic.AtomicInteger\nnew AtomicInteger(7).get()");
        assertThat(entries(dir)).isEmpty();
        evaluate(compiler, "AtomicInteger.name");
        assertThat(entries(dir)).as("an import earlier in the session can change what a name means").isEmpty();

        ScriptCompiler other = new ScriptCompiler(store);
        evaluate(other, "class Point { int x }");
        evaluate(other, "new Point(x: 1).x");
        assertThat(entries(dir)).isEmpty();
    }

    @Test
    void aCorruptOrTruncatedEntryIsPassedOverAndReplaced() throws IOException {
        CompiledInputStore store = CompiledInputStore.at(dir);
        evaluate(new ScriptCompiler(store), INPUT);
        Path entry = entries(dir).get(0);
        byte[] whole = Files.readAllBytes(entry);

        for (byte[] broken : List.of(new byte[0], "not an entry".getBytes(), java.util.Arrays.copyOf(whole, whole.length - 10),
                java.util.Arrays.copyOf(whole, whole.length + 1))) {
            Files.write(entry, broken);
            ScriptCompiler compiler = new ScriptCompiler(store);
            assertThat(evaluate(compiler, INPUT)).isEqualTo(12);
            assertThat(compiler.groovyCompiles()).isEqualTo(1);
            assertThat(Files.readAllBytes(entry)).isEqualTo(whole);
        }
    }

    @Test
    void aDirectoryOthersCanWriteToIsNotRead() throws IOException {
        CompiledInputStore store = CompiledInputStore.at(dir);
        evaluate(new ScriptCompiler(store), INPUT);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
        ScriptCompiler compiler = new ScriptCompiler(store);
        assertThat(evaluate(compiler, INPUT)).isEqualTo(12);
        assertThat(compiler.groovyCompiles()).isEqualTo(1);
    }

    @Test
    void theOldestEntriesGoPastTheLimit() throws Exception {
        CompiledInputStore store = new CompiledInputStore(dir, 3);
        for (int i = 0; i < 5; i++) {
            evaluate(new ScriptCompiler(store), "1 + " + i);
            Thread.sleep(20); // distinct modification times
        }
        assertThat(entries(dir)).hasSize(3);
        ScriptCompiler newest = new ScriptCompiler(store);
        evaluate(newest, "1 + 4");
        assertThat(newest.groovyCompiles()).isZero();
        ScriptCompiler oldest = new ScriptCompiler(store);
        evaluate(oldest, "1 + 0");
        assertThat(oldest.groovyCompiles()).isEqualTo(1);
    }

    @Test
    void theReplWarmUpAlwaysUsesTheCompiler() {
        CompiledInputStore store = CompiledInputStore.at(dir);
        new Evaluator(EvaluatorTest.context(), new ScriptCompiler(store)).warmUp();
        ScriptCompiler compiler = new ScriptCompiler(store);
        new Evaluator(EvaluatorTest.context(), compiler).warmUp();
        assertThat(compiler.groovyCompiles()).isEqualTo(1);
    }

    private static List<Path> entries(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        }
    }
}
