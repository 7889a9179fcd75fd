package dev.opsh.engine;

import groovy.lang.GroovyCodeSource;
import groovy.transform.ThreadInterrupt;
import java.io.IOException;
import java.lang.reflect.Method;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.codehaus.groovy.control.CompilationFailedException;
import org.codehaus.groovy.control.CompilationUnit;
import org.codehaus.groovy.control.Phases;
import org.codehaus.groovy.control.CompilerConfiguration;
import org.codehaus.groovy.control.MultipleCompilationErrorsException;
import org.codehaus.groovy.control.customizers.ASTTransformationCustomizer;
import org.codehaus.groovy.control.customizers.ImportCustomizer;
import org.codehaus.groovy.control.messages.Message;
import org.codehaus.groovy.control.messages.SyntaxErrorMessage;
import org.codehaus.groovy.runtime.InvokerHelper;
import org.codehaus.groovy.runtime.m12n.ExtensionModuleScanner;

/**
 * The compiling half of a session's engine: its compiler configuration, its class loader, the
 * imports and classes its inputs declared, and the inputs it compiled. It needs no inventory, so
 * {@code -e} can start compiling its expression while the session around it is still being opened.
 * A session's first inputs may come from a {@link CompiledInputStore} instead of the compiler.
 */
public final class ScriptCompiler {
    /**
     * The one name of every input's script class: class loaders keep a lock per class name ever
     * loaded, so unique names would grow the JVM's memory by an entry per input.
     */
    static final String SCRIPT_NAME = "opsh_input";
    private static final int CACHED_INPUTS = 256;
    private static final Set<String> SCRIPT_METHODS = Set.of("main", "run");
    private static final String[] STAR_IMPORTS = {"java.time", "dev.opsh.inventory", "dev.opsh.dsl", "dev.opsh.adapters"};

    private final CompiledInputStore store;
    // Made by ready(), not here: a compiler is made on the way to the prompt, Groovy's classes are not.
    private SessionImports sessionImports;
    private CompilerConfiguration config;
    private SessionClassLoader loader;
    /**
     * Whether what an input compiles to still depends on its source alone: no earlier input declared
     * an import or a class. Only then can it come from, or go to, the store.
     */
    private boolean pristine = true;
    /**
     * Which inputs may be written to the store, once they have run; none until the session says.
     * Set without the lock, so a session can open while its first input compiles.
     */
    private volatile Predicate<String> mayKeep = source -> false;
    /** The last input Groovy compiled that the store could keep, waiting for its run to end. */
    private String unsavedSource;
    private List<CompiledInputStore.ClassFile> unsavedClasses;
    private int groovyCompiles;
    /** Compiled inputs by source, so a repeated input (a watch, a retry) does not compile again. */
    private final Map<String, Class<?>> compiled = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Class<?>> eldest) {
            if (size() <= CACHED_INPUTS) {
                return false;
            }
            // Groovy's registry keeps every class's metaclass; without this a long session grows without end.
            InvokerHelper.removeClass(eldest.getValue());
            return true;
        }
    };

    /** @param store where compiled inputs are kept between sessions, or {@link CompiledInputStore#NONE} */
    public ScriptCompiler(CompiledInputStore store) {
        this.store = store;
    }

    /**
     * The class of {@code source}: a script whose {@code run} evaluates it, or, for an input that only
     * declares classes, the first of them. Compiling runs none of the operator's code, short of
     * Groovy's compile-time annotations ({@code @ASTTest}), which nobody types by accident.
     *
     * @throws EvaluationException when the source does not compile
     */
    public synchronized Class<?> compile(String source) {
        ready();
        Class<?> cached = compiled.get(source);
        if (cached != null) {
            return cached;
        }
        if (pristine) {
            List<CompiledInputStore.ClassFile> stored = store.find(source);
            if (stored != null) {
                Class<?> scriptClass = loader.define(stored);
                if (scriptClass != null) {
                    remember(source, scriptClass);
                    return scriptClass;
                }
            }
        }
        return compileWithGroovy(source, true);
    }

    /**
     * Compiles one trivial input with Groovy's compiler itself, never from the store, so that its
     * parser and name resolver are loaded before the operator's first input needs them.
     */
    public synchronized Class<?> warmUp() {
        ready();
        return compileWithGroovy("null", false);
    }

    private Class<?> compileWithGroovy(String source, boolean keep) {
        groovyCompiles++;
        try {
            Class<?> scriptClass = loader.parseClass(new GroovyCodeSource(source, SCRIPT_NAME + ".groovy", "/groovy/shell"), false);
            List<CompiledInputStore.ClassFile> generated = loader.lastGenerated();
            boolean declaredImports = sessionImports.commit();
            if (declaredImports) {
                // New imports can change what earlier inputs' names resolve to.
                compiled.values().forEach(InvokerHelper::removeClass);
                compiled.clear();
            }
            boolean onlyTheScript = generated.stream().allMatch(c -> isScriptClass(c.name()));
            if (keep && pristine && !declaredImports && onlyTheScript) {
                unsavedSource = source;
                unsavedClasses = generated;
            }
            pristine &= !declaredImports && onlyTheScript;
            remember(source, scriptClass);
            return scriptClass;
        } catch (MultipleCompilationErrorsException e) {
            sessionImports.discard();
            throw new EvaluationException(describe(e), e);
        } catch (CompilationFailedException e) {
            sessionImports.discard();
            throw new EvaluationException(e.getMessage(), e);
        }
    }

    /**
     * Which inputs may be written to the store once they have run: the session passes those its
     * transcript would keep verbatim, so that no secret the transcript masks reaches the store.
     * Until it is called, nothing is written.
     */
    public void keepWhen(Predicate<String> mayKeep) {
        this.mayKeep = mayKeep;
    }

    /**
     * Writes {@code source}'s classes to the store if Groovy just compiled them, the session may keep
     * the input, and it has run: only then does the session know every secret the run resolved.
     */
    synchronized void ran(String source) {
        if (source.equals(unsavedSource) && mayKeep.test(source)) {
            store.save(source, unsavedClasses);
        }
        unsavedSource = null;
        unsavedClasses = null;
    }

    /** Whether {@code source} would come compiled from the store, for a start deciding what to load beside it. */
    public boolean isStored(String source) {
        return store.find(source) != null;
    }

    /**
     * Loads what a first compile needs besides Groovy's runtime, by compiling a trivial script as a
     * session would, into nothing: the parser, the name resolver's table of the JDK's classes, the
     * class-file stubs of the script's base class and its verbs, and the class writer (together
     * about 150 ms of a cold JVM). Safe on any thread, beside {@link #ready} on another, so that on
     * two cores a first compile waits for the slower of the two rather than for both.
     */
    public static void loadCompilerParts() {
        CompilerConfiguration config = new CompilerConfiguration();
        config.setScriptBaseClass(OpsScript.class.getName());
        config.addCompilationCustomizers(new ImportCustomizer().addStarImports(STAR_IMPORTS));
        CompilationUnit unit = new CompilationUnit(config);
        unit.addSource("warm_up.groovy", "null");
        unit.compile(Phases.CLASS_GENERATION);
    }

    /**
     * Opens the jars on the class path, as Groovy's runtime does first when it starts: it reads its
     * extension modules from every one of them (about 25 ms of a cold JVM for the shell's 37 jars).
     * Safe on any thread, so a thread that would otherwise wait for a first compile can do it
     * beside the runtime's other work. A failure here is left to the runtime, which reports it.
     */
    public static void openClassPath() {
        try {
            Collections.list(ScriptCompiler.class.getClassLoader().getResources(ExtensionModuleScanner.MODULE_META_INF_FILE));
        } catch (IOException reportedByTheRuntime) {
            // Groovy's own search meets the same failure.
        }
    }

    /** Loads the compiler, the class loader and Groovy's runtime, so that the first compile starts at once. */
    public synchronized void ready() {
        if (loader == null) {
            if (config == null) {
                config = configuration();
                ScriptSurface.install();
            }
            loader = new SessionClassLoader(ScriptCompiler.class.getClassLoader(), config);
        }
    }

    /** Forgets every class, import and compiled input of the session. */
    synchronized void reset() {
        compiled.values().forEach(InvokerHelper::removeClass);
        compiled.clear();
        config = null;
        loader = null;
        pristine = true;
        ready();
    }

    private void remember(String source, Class<?> scriptClass) {
        if (OpsScript.class.isAssignableFrom(scriptClass)) {
            loader.forget(scriptClass);
            if (declaresNoMethods(scriptClass)) {
                compiled.put(source, scriptClass);
            }
        }
    }

    /** An input that declares methods is compiled each time, so a redefinition takes effect. */
    private static boolean declaresNoMethods(Class<?> scriptClass) {
        for (Method m : scriptClass.getDeclaredMethods()) {
            if (isDeclaredMethod(m)) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code method} of a script class is one the input declared, not the script's own or Groovy's. */
    static boolean isDeclaredMethod(Method method) {
        return !SCRIPT_METHODS.contains(method.getName()) && !method.getName().contains("$") && !method.isSynthetic();
    }

    private static boolean isScriptClass(String name) {
        return name.equals(SCRIPT_NAME) || name.startsWith(SCRIPT_NAME + "$");
    }

    private CompilerConfiguration configuration() {
        CompilerConfiguration c = new CompilerConfiguration();
        c.setScriptBaseClass(OpsScript.class.getName());
        ImportCustomizer imports = new ImportCustomizer();
        sessionImports = new SessionImports(imports);
        imports.addStarImports(STAR_IMPORTS);
        c.addCompilationCustomizers(imports, sessionImports, new SessionVariables(),
                new ASTTransformationCustomizer(ThreadInterrupt.class));
        return c;
    }

    /** How many classes the session's loader still holds: the operator's own classes, not one per input. */
    synchronized int retainedClasses() {
        return loader == null ? 0 : loader.getLoadedClasses().length;
    }

    synchronized int cachedInputs() {
        return compiled.size();
    }

    /** How many inputs Groovy's compiler compiled, rather than the caches. */
    synchronized int groovyCompiles() {
        return groovyCompiles;
    }

    private static String describe(MultipleCompilationErrorsException e) {
        StringBuilder out = new StringBuilder();
        for (Object error : e.getErrorCollector().getErrors()) {
            if (out.length() > 0) {
                out.append("; ");
            }
            if (error instanceof SyntaxErrorMessage syntax) {
                var cause = syntax.getCause();
                // Groovy ends some messages (an unresolved class) with a newline of their own.
                out.append(cause.getOriginalMessage().strip()).append(" at line ").append(cause.getLine())
                        .append(", column ").append(cause.getStartColumn());
            } else if (error instanceof Message message) {
                java.io.StringWriter text = new java.io.StringWriter();
                message.write(new java.io.PrintWriter(text));
                out.append(text.toString().strip().replaceFirst("^" + SCRIPT_NAME + "\\.groovy: ", "").replaceAll("\\s*\\n.*", ""));
            }
        }
        return out.toString();
    }
}
