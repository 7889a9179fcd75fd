package dev.opsh.engine;

import dev.opsh.dsl.OpsContext;
import groovy.lang.Binding;
import groovy.lang.GroovyShell;
import groovy.lang.Script;
import groovy.transform.ThreadInterrupt;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.codehaus.groovy.control.CompilationFailedException;
import org.codehaus.groovy.control.CompilerConfiguration;
import org.codehaus.groovy.control.MultipleCompilationErrorsException;
import org.codehaus.groovy.control.customizers.ASTTransformationCustomizer;
import org.codehaus.groovy.control.customizers.ImportCustomizer;
import org.codehaus.groovy.control.messages.Message;
import org.codehaus.groovy.control.messages.SyntaxErrorMessage;
import org.codehaus.groovy.runtime.InvokerHelper;
import org.codehaus.groovy.runtime.MethodClosure;

/**
 * The Groovy engine of a session: compiles and runs one input at a time against one binding, so
 * variables, methods, classes and imports persist across inputs. It has no terminal; the shell
 * decides how results and failures look.
 */
public final class Evaluator {
    private static final Set<String> SCRIPT_METHODS = Set.of("main", "run");

    private final OpsContext context;
    private final ImportCustomizer imports = new ImportCustomizer();
    private final SessionImports sessionImports = new SessionImports(imports);
    private static final int CACHED_INPUTS = 256;
    private static final String SCRIPT_NAME = "opsh_input";

    private CompilerConfiguration config;
    private GroovyShell shell;
    private SessionClassLoader loader;
    /** Compiled inputs by source, so a repeated input (a watch, a retry) does not compile again. */
    private final Map<String, Class<? extends Script>> compiled = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Class<? extends Script>> eldest) {
            if (size() <= CACHED_INPUTS) {
                return false;
            }
            // Groovy's registry keeps every class's metaclass; without this a long session grows without end.
            InvokerHelper.removeClass(eldest.getValue());
            return true;
        }
    };
    private volatile Binding binding;
    private final Map<String, Object> predefined = new LinkedHashMap<>();
    private volatile Thread evaluating;

    /** Cheap: the Groovy compiler is loaded by {@link #warmUp} or the first evaluation, whichever comes first. */
    public Evaluator(OpsContext context) {
        this.context = context;
    }

    /**
     * Starts what every session's first evaluation needs and no session owns: the Groovy runtime
     * (its metaclass registry and extension modules) and the parser, by parsing one trivial script
     * in a throw-away shell that is never run. {@code -e} calls it on a background thread while it
     * reads its inventory. Safe from any thread, any number of times.
     */
    public static void loadRuntime() {
        new GroovyShell(Evaluator.class.getClassLoader()).parse("null");
    }

    /**
     * Loads and exercises the Groovy compiler, so that the first input the operator types runs at
     * once. The REPL calls it on a background thread while the prompt is already showing; an
     * evaluation that arrives meanwhile waits for it.
     */
    public synchronized void warmUp() {
        ready();
        compile("null").run();
    }

    private void ready() {
        if (shell == null) {
            if (config == null) {
                config = configuration();
                ScriptSurface.install();
            }
            binding = new Binding();
            predefined.forEach(binding::setVariable);
            loader = new SessionClassLoader(Evaluator.class.getClassLoader(), config);
            shell = new GroovyShell(loader, binding, config);
            compiled.values().forEach(InvokerHelper::removeClass);
            compiled.clear();
        }
    }

    private CompilerConfiguration configuration() {
        CompilerConfiguration c = new CompilerConfiguration();
        c.setScriptBaseClass(OpsScript.class.getName());
        imports.addStarImports("java.time", "dev.opsh.inventory", "dev.opsh.dsl", "dev.opsh.adapters");
        c.addCompilationCustomizers(imports, sessionImports, new SessionVariables(),
                new ASTTransformationCustomizer(ThreadInterrupt.class));
        return c;
    }

    /** Forgets every variable, method, class and import of the session. */
    public synchronized void reset() {
        shell = null;
        ready();
    }

    public OpsContext context() {
        return context;
    }

    /**
     * Compiles and runs one input; returns the value of its last expression.
     *
     * @throws EvaluationException when the source does not compile
     * @throws EvaluationInterrupted when {@link #cancel} stopped it
     */
    public synchronized Object evaluate(String source) {
        Script script = compile(source);
        if (!(script instanceof OpsScript)) {
            // Only class declarations: compiling them defined them; there is nothing to run.
            return null;
        }
        evaluating = Thread.currentThread();
        try {
            Object result = script.run();
            keepMethods(script);
            return result;
        } catch (RuntimeException e) {
            throw interrupted(e) ? new EvaluationInterrupted() : e;
        } catch (Throwable e) {
            if (e instanceof InterruptedException) {
                throw new EvaluationInterrupted();
            }
            throw e;
        } finally {
            evaluating = null;
            Thread.interrupted();
        }
    }

    /** Compiles without running, so a script can be checked before it touches anything. */
    public synchronized Script compile(String source) {
        ready();
        Class<? extends Script> cached = compiled.get(source);
        if (cached != null) {
            return bound(InvokerHelper.createScript(cached, binding));
        }
        try {
            // One name for every input: class loaders keep a lock per class name ever loaded, so
            // unique names would grow the JVM's memory by an entry per input.
            Script script = shell.parse(source, SCRIPT_NAME + ".groovy");
            if (sessionImports.commit()) {
                // New imports can change what earlier inputs' names resolve to.
                compiled.values().forEach(InvokerHelper::removeClass);
                compiled.clear();
            }
            if (script instanceof OpsScript) {
                loader.forget(script.getClass());
                if (declaresNoMethods(script.getClass())) {
                    compiled.put(source, script.getClass());
                }
            }
            return bound(script);
        } catch (MultipleCompilationErrorsException e) {
            sessionImports.discard();
            throw new EvaluationException(describe(e), e);
        } catch (CompilationFailedException e) {
            sessionImports.discard();
            throw new EvaluationException(e.getMessage(), e);
        }
    }

    /**
     * Sets a variable every evaluation sees, kept across {@link #reset}: {@code out}, where
     * {@code println} writes.
     */
    public synchronized void predefine(String name, Object value) {
        predefined.put(name, value);
        if (binding != null) {
            binding.setVariable(name, value);
        }
    }

    /** Sets a session variable, such as a script's {@code args}. */
    public synchronized void define(String name, Object value) {
        ready();
        binding.setVariable(name, value);
    }

    /** How many classes the session's loader still holds: the operator's own classes, not one per input. */
    synchronized int retainedClasses() {
        return loader == null ? 0 : loader.getLoadedClasses().length;
    }

    synchronized int cachedInputs() {
        return compiled.size();
    }

    private Script bound(Script script) {
        if (script instanceof OpsScript ops) {
            ops.bind(context);
            ScriptSurface.restrict(ops);
        }
        return script;
    }

    /** An input that declares methods is compiled each time, so a redefinition takes effect. */
    private static boolean declaresNoMethods(Class<?> scriptClass) {
        for (Method m : scriptClass.getDeclaredMethods()) {
            if (!SCRIPT_METHODS.contains(m.getName()) && !m.getName().contains("$") && !m.isSynthetic()) {
                return false;
            }
        }
        return true;
    }

    /** Stops the running evaluation: interrupts its thread and closes its in-flight network calls. */
    public void cancel() {
        Thread thread = evaluating;
        if (thread != null) {
            thread.interrupt();
        }
        context.inFlight().cancelAll();
    }

    public boolean isEvaluating() {
        return evaluating != null;
    }

    /** The session's variables, in the order they were first set. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> variables() {
        Binding binding = this.binding;
        if (binding == null) {
            return Map.of();
        }
        Map<String, Object> vars = new LinkedHashMap<>(binding.getVariables());
        vars.values().removeIf(v -> v instanceof MethodClosure);
        vars.keySet().removeAll(predefined.keySet());
        return vars;
    }

    /** The names of the methods the session defined. */
    @SuppressWarnings("unchecked")
    public Set<String> methods() {
        Binding binding = this.binding;
        if (binding == null) {
            return Set.of();
        }
        Map<String, Object> vars = binding.getVariables();
        return vars.entrySet().stream().filter(e -> e.getValue() instanceof MethodClosure)
                .map(Map.Entry::getKey).collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
    }

    /** Methods declared by the input stay callable from later inputs, as in groovysh. */
    private void keepMethods(Script script) {
        for (Method method : script.getClass().getDeclaredMethods()) {
            String name = method.getName();
            if (!SCRIPT_METHODS.contains(name) && !name.contains("$") && !method.isSynthetic()
                    && !Modifier.isStatic(method.getModifiers())) {
                binding.setVariable(name, new MethodClosure(script, name));
            }
        }
    }

    private static boolean interrupted(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InterruptedException) {
                return true;
            }
        }
        return false;
    }

    private static String describe(MultipleCompilationErrorsException e) {
        StringBuilder out = new StringBuilder();
        for (Object error : e.getErrorCollector().getErrors()) {
            if (out.length() > 0) {
                out.append("; ");
            }
            if (error instanceof SyntaxErrorMessage syntax) {
                var cause = syntax.getCause();
                out.append(cause.getOriginalMessage()).append(" at line ").append(cause.getLine())
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
