package dev.opsh.engine;

import dev.opsh.dsl.Verb;
import dev.opsh.dsl.Verbs;
import groovy.lang.GroovySystem;
import groovy.lang.MetaClass;
import groovy.lang.MetaClassRegistry;
import groovy.lang.Script;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What operator scripts can reach: the verbs, and only the public API of the objects verbs return.
 * The facades verbs hand out (such as {@code redis} and {@code haproxy}) hold the session's
 * clients; {@link PublicApiMetaClass} keeps scripts from their private fields and methods, and
 * hides the script's own wiring ({@code context()}), so that no raw JDBC connection, Jedis client,
 * AMQP channel or command runner reaches a script except through the guarded verbs.
 */
final class ScriptSurface {
    /** Every class a verb returns that is an object with behaviour rather than data or a collection. */
    static final Set<Class<?>> FACADES = facades();
    /** Public methods of the script that are wiring, not verbs: declared by a verb group without {@code @Verb}. */
    static final Set<String> WIRING = wiring();

    private static volatile boolean installed;

    private ScriptSurface() {}

    /**
     * Restricts the facade classes, once per JVM, before any script can touch them: each gets its
     * {@link PublicApiMetaClass} when Groovy first needs its metaclass. Built then and not here,
     * because building one reflects over the facade's fields, which would load the client library
     * behind it (Jedis for {@code redis}) in every session, whether a verb uses it or not.
     */
    static void install() {
        if (installed) {
            return;
        }
        synchronized (ScriptSurface.class) {
            if (!installed) {
                MetaClassRegistry registry = GroovySystem.getMetaClassRegistry();
                if (registry.getMetaClassCreationHandler().getClass() != MetaClassRegistry.MetaClassCreationHandle.class) {
                    throw new IllegalStateException("another metaclass creation handle is installed: "
                            + registry.getMetaClassCreationHandler().getClass().getName());
                }
                registry.setMetaClassCreationHandle(new FacadeMetaClasses());
                installed = true;
            }
        }
    }

    /** Groovy's own way of making metaclasses, except that facades get the public-API one. */
    private static final class FacadeMetaClasses extends MetaClassRegistry.MetaClassCreationHandle {
        @Override
        @SuppressWarnings("rawtypes")
        protected MetaClass createNormalMetaClass(Class type, MetaClassRegistry registry) {
            return FACADES.contains(type) ? new PublicApiMetaClass(type, Set.of()) : super.createNormalMetaClass(type, registry);
        }
    }

    /**
     * Restricts one compiled input before it runs: the instance's metaclass, which calls on the
     * script go through, and its class's entry in the registry, which method pointers
     * ({@code this.&context}) are resolved through.
     */
    static void restrict(Script script) {
        MetaClassRegistry registry = GroovySystem.getMetaClassRegistry();
        MetaClass registered = registry.getMetaClass(script.getClass());
        if (!(registered instanceof PublicApiMetaClass)) {
            registered = new PublicApiMetaClass(script.getClass(), WIRING);
            registry.setMetaClass(script.getClass(), registered);
        }
        script.setMetaClass(registered);
    }

    private static Set<Class<?>> facades() {
        Set<Class<?>> facades = new LinkedHashSet<>();
        for (VerbCatalog.VerbInfo verb : VerbCatalog.all()) {
            Class<?> type = verb.method().getReturnType();
            if (type.getName().startsWith("dev.opsh.") && !type.isRecord() && !type.isEnum() && !type.isInterface()
                    && !Collection.class.isAssignableFrom(type) && !Map.class.isAssignableFrom(type)) {
                facades.add(type);
            }
        }
        return Set.copyOf(facades);
    }

    private static Set<String> wiring() {
        Set<String> names = new TreeSet<>();
        for (Method method : OpsScript.class.getMethods()) {
            Class<?> declaring = method.getDeclaringClass();
            boolean verbGroup = declaring.isInterface() && Verbs.class.isAssignableFrom(declaring);
            if ((verbGroup || declaring == OpsScript.class) && method.getAnnotation(Verb.class) == null
                    && Modifier.isPublic(method.getModifiers())) {
                names.add(method.getName());
            }
        }
        return Set.copyOf(names);
    }
}
