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

    /** A compiler whose session lets it keep every input, as one whose transcript masks nothing in them. */
    private static ScriptCompiler keeping(CompiledInputStore store) {
        ScriptCompiler compiler = new ScriptCompiler(store);
        compiler.keepWhen(source -> true);
        return compiler;
    }

    @Test
    void aLaterSessionRunsTheStoredClassesWithoutCompiling() {
        CompiledInputStore store = CompiledInputStore.at(dir);
        ScriptCompiler first = keeping(store);
        assertThat(evaluate(first, INPUT)).isEqualTo(12);
        assertThat(first.groovyCompiles()).isEqualTo(1);

        ScriptCompiler second = keeping(store);
        Evaluator session = new Evaluator(EvaluatorTest.context(), second);
        assertThat(session.evaluate(INPUT)).isEqualTo(12);
        assertThat(session.variables()).containsEntry("doubled", List.of(2, 4, 6));
        assertThat(second.groovyCompiles()).isZero();
        assertThat(session.evaluate(INPUT)).as("then from the session's own cache").isEqualTo(12);
        assertThat(second.groovyCompiles()).isZero();
    }

    @Test
    void nothingIsKeptThatTheSessionWouldMaskOrBeforeTheInputHasRun() throws IOException {
        CompiledInputStore store = CompiledInputStore.at(dir);
        ScriptCompiler compiler = new ScriptCompiler(store);
        compiler.keepWhen(source -> !source.contains("hunter2"));
        Evaluator session = new Evaluator(EvaluatorTest.context(), compiler);
        session.evaluate("def url = 'postgres://opsh:hunter2@db/x'; url.size()");
        assertThat(entries(dir)).as("an input the transcript masks").isEmpty();

        ScriptCompiler untold = new ScriptCompiler(store);
        new Evaluator(EvaluatorTest.context(), untold).evaluate("1 + 41");
        assertThat(entries(dir)).as("a session that never said what it may keep").isEmpty();

        ScriptCompiler compiledOnly = keeping(store);
        compiledOnly.compile("2 + 40");
        assertThat(entries(dir)).as("an input compiled but not run").isEmpty();
        Evaluator failing = new Evaluator(EvaluatorTest.context(), keeping(store));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> failing.evaluate("throw new IllegalStateException('x')"));
        assertThat(entries(dir)).as("an input whose run failed").isEmpty();

        new Evaluator(EvaluatorTest.context(), keeping(store)).evaluate("3 + 39");
        assertThat(entries(dir)).hasSize(1);
    }

    @Test
    void theEntryIsTheUsersOwn() throws IOException {
        evaluate(keeping(CompiledInputStore.at(dir.resolve("compiled"))), INPUT);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("compiled")))).isEqualTo("rwx------");
        assertThat(entries(dir.resolve("compiled"))).hasSize(1);
    }

    @Test
    void inputsThatDeclareImportsOrClassesAreNotStoredAndEndTheStoresUse() throws IOException {
        CompiledInputStore store = CompiledInputStore.at(dir);
        ScriptCompiler compiler = keeping(store);
        evaluate(compiler, "import java.util.concurrent.atomic.AtomicInteger\nnew AtomicInteger(7).get()");
        assertThat(entries(dir)).isEmpty();
        evaluate(compiler, "AtomicInteger.name");
        assertThat(entries(dir)).as("an import earlier in the session can change what a name means").isEmpty();

        ScriptCompiler other = keeping(store);
        evaluate(other, "class Point { int x }");
        evaluate(other, "new Point(x: 1).x");
        assertThat(entries(dir)).isEmpty();
    }

    @Test
    void aCorruptTruncatedOrOverclaimingEntryIsPassedOverAndReplaced() throws IOException {
        CompiledInputStore store = CompiledInputStore.at(dir);
        evaluate(keeping(store), INPUT);
        Path entry = entries(dir).get(0);
        byte[] whole = Files.readAllBytes(entry);

        byte[] hugeCount = whole.clone();
        int countAt = 4 + 4 + INPUT.getBytes(java.nio.charset.StandardCharsets.UTF_8).length; // format, source length, source
        java.nio.ByteBuffer.wrap(hugeCount).putInt(countAt, Integer.MAX_VALUE);

        for (byte[] broken : List.of(new byte[0], "not an entry".getBytes(), java.util.Arrays.copyOf(whole, whole.length - 10),
                java.util.Arrays.copyOf(whole, whole.length + 1), hugeCount)) {
            Files.write(entry, broken);
            ScriptCompiler compiler = keeping(store);
            assertThat(evaluate(compiler, INPUT)).isEqualTo(12);
            assertThat(compiler.groovyCompiles()).isEqualTo(1);
            assertThat(Files.readAllBytes(entry)).isEqualTo(whole);
        }
    }

    @Test
    void aDirectoryOthersCanWriteToIsNotRead() throws IOException {
        CompiledInputStore store = CompiledInputStore.at(dir);
        evaluate(keeping(store), INPUT);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
        ScriptCompiler compiler = keeping(store);
        assertThat(evaluate(compiler, INPUT)).isEqualTo(12);
        assertThat(compiler.groovyCompiles()).isEqualTo(1);
    }

    @Test
    void theOldestEntriesGoPastTheLimit() throws Exception {
        CompiledInputStore store = new CompiledInputStore(dir, 3);
        for (int i = 0; i < 5; i++) {
            evaluate(keeping(store), "1 + " + i);
            Thread.sleep(20); // distinct modification times
        }
        assertThat(entries(dir)).hasSize(3);
        ScriptCompiler newest = keeping(store);
        evaluate(newest, "1 + 4");
        assertThat(newest.groovyCompiles()).isZero();
        ScriptCompiler oldest = keeping(store);
        evaluate(oldest, "1 + 0");
        assertThat(oldest.groovyCompiles()).isEqualTo(1);
    }

    @Test
    void theReplWarmUpAlwaysUsesTheCompiler() {
        CompiledInputStore store = CompiledInputStore.at(dir);
        new Evaluator(EvaluatorTest.context(), keeping(store)).warmUp();
        ScriptCompiler compiler = keeping(store);
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
