package dev.opsh.engine;

import groovy.lang.GroovyClassLoader;
import java.net.MalformedURLException;
import java.net.URL;
import java.security.CodeSource;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.List;
import org.codehaus.groovy.ast.ClassNode;
import org.codehaus.groovy.control.CompilationUnit;
import org.codehaus.groovy.control.CompilerConfiguration;
import org.codehaus.groovy.control.SourceUnit;

/**
 * The session's Groovy class loader. Classes the operator declares stay in it for later inputs;
 * the script class compiled for each input is forgotten once it has run, so that a long session
 * does not keep one class per input forever. It keeps the bytes of the last compile, and can define
 * an input's classes from such bytes without compiling it again.
 */
final class SessionClassLoader extends GroovyClassLoader {
    /** Where {@code GroovyShell} says a script typed or passed as text comes from. */
    private static final CodeSource SHELL_SOURCE = shellSource();

    private List<CompiledInputStore.ClassFile> lastGenerated = List.of();

    SessionClassLoader(ClassLoader parent, CompilerConfiguration config) {
        super(parent, config);
    }

    void forget(Class<?> scriptClass) {
        removeClassCacheEntry(scriptClass.getName());
    }

    /**
     * Never looks for a Groovy source file to compile for a class name: opsh compiles only what the
     * operator typed or ran. Groovy would otherwise search the class path for {@code NameBeanInfo.groovy}
     * whenever it makes a script's metaclass.
     */
    @Override
    public Class loadClass(String name, boolean lookupScriptFiles, boolean preferClassOverScript, boolean resolve)
            throws ClassNotFoundException {
        return super.loadClass(name, false, preferClassOverScript, resolve);
    }

    /** The classes the last {@code parseClass} generated, in the order they were defined. */
    List<CompiledInputStore.ClassFile> lastGenerated() {
        return lastGenerated;
    }

    /**
     * Defines one compiled input's classes, as a compile of it would have, each time in a loader of
     * its own so the same names can be defined again by the next input.
     *
     * @return the script class, or null when the bytes are not a compiled input
     */
    Class<?> define(List<CompiledInputStore.ClassFile> classes) {
        InputLoader inner = new InputLoader(this);
        Class<?> script = null;
        try {
            for (CompiledInputStore.ClassFile file : classes) {
                Class<?> defined = inner.define(file);
                if (file.name().equals(ScriptCompiler.SCRIPT_NAME)) {
                    script = defined;
                }
            }
        } catch (LinkageError unusable) {
            return null;
        }
        if (script != null) {
            setClassCacheEntry(script);
        }
        return script;
    }

    @Override
    protected ClassCollector createCollector(CompilationUnit unit, SourceUnit su) {
        List<CompiledInputStore.ClassFile> generated = new ArrayList<>();
        lastGenerated = generated;
        return new ClassCollector(new InputLoader(this), unit, su) {
            @Override
            protected Class createClass(byte[] code, ClassNode classNode) {
                generated.add(new CompiledInputStore.ClassFile(classNode.getName(), code));
                return super.createClass(code, classNode);
            }
        };
    }

    /** The loader of one input's classes, as Groovy makes one for each compile. */
    private static final class InputLoader extends InnerLoader {
        InputLoader(GroovyClassLoader session) {
            super(session);
        }

        Class<?> define(CompiledInputStore.ClassFile file) {
            return defineClass(file.name(), file.bytes(), 0, file.bytes().length, SHELL_SOURCE);
        }
    }

    private static CodeSource shellSource() {
        try {
            return new CodeSource(new URL("file", "", "/groovy/shell"), (Certificate[]) null);
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }
}
