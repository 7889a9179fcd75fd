package dev.opsh.engine;

import groovy.lang.GroovyClassLoader;
import org.codehaus.groovy.control.CompilerConfiguration;

/**
 * The session's Groovy class loader. Classes the operator declares stay in it for later inputs;
 * the script class compiled for each input is forgotten once it has run, so that a long session
 * does not keep one class per input forever.
 */
final class SessionClassLoader extends GroovyClassLoader {
    SessionClassLoader(ClassLoader parent, CompilerConfiguration config) {
        super(parent, config);
    }

    void forget(Class<?> scriptClass) {
        removeClassCacheEntry(scriptClass.getName());
    }
}
