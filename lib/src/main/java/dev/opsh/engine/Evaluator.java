package dev.opsh.engine;

import dev.opsh.dsl.OpsContext;
import groovy.lang.Binding;
import groovy.lang.Script;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.codehaus.groovy.runtime.InvokerHelper;
import org.codehaus.groovy.runtime.MethodClosure;

/**
 * The Groovy engine of a session: runs one input at a time against one binding, so variables,
 * methods, classes and imports persist across inputs. Its {@link ScriptCompiler} compiles them. It
 * has no terminal; the shell decides how results and failures look.
 */
public final class Evaluator {
    private final OpsContext context;
    private final ScriptCompiler compiler;
    private volatile Binding binding;
    private final Map<String, Object> predefined = new LinkedHashMap<>();
    private volatile Thread evaluating;

    /** Cheap: the Groovy compiler is loaded by {@link #warmUp} or the first evaluation, whichever comes first. */
    public Evaluator(OpsContext context) {
        this(context, new ScriptCompiler(CompiledInputStore.NONE));
    }

    /** @param compiler the session's compiler, which may already have compiled its first input */
    public Evaluator(OpsContext context, ScriptCompiler compiler) {
        this.context = context;
        this.compiler = compiler;
    }

    /**
     * Loads and exercises the Groovy compiler, so that the first input the operator types runs at
     * once. The REPL calls it on a background thread while the prompt is already showing; an
     * evaluation that arrives meanwhile waits for it.
     */
    public synchronized void warmUp() {
        Class<?> trivial = compiler.warmUp();
        ready();
        bound(InvokerHelper.createScript(trivial, binding)).run();
    }

    private void ready() {
        if (binding == null) {
            binding = new Binding();
            predefined.forEach(binding::setVariable);
        }
    }

    /** Forgets every variable, method, class and import of the session. */
    public synchronized void reset() {
        binding = null;
        ready();
        compiler.reset();
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
            compiler.ran(source);
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

    /**
     * Compiles without running, so a script can be checked before it touches anything.
     *
     * @throws EvaluationException when the source does not compile
     */
    public synchronized Script compile(String source) {
        Class<?> compiled = compiler.compile(source);
        ready();
        return bound(InvokerHelper.createScript(compiled, binding));
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
    int retainedClasses() {
        return compiler.retainedClasses();
    }

    int cachedInputs() {
        return compiler.cachedInputs();
    }

    private Script bound(Script script) {
        if (script instanceof OpsScript ops) {
            ops.bind(context);
            ScriptSurface.restrict(ops);
        }
        return script;
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
            if (ScriptCompiler.isDeclaredMethod(method) && !Modifier.isStatic(method.getModifiers())) {
                binding.setVariable(method.getName(), new MethodClosure(script, method.getName()));
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
}
