package dev.opsh.engine;

import groovy.lang.DelegatingMetaClass;
import groovy.lang.MetaClassImpl;
import groovy.lang.MetaMethod;
import groovy.lang.MetaProperty;
import groovy.lang.MissingMethodException;
import groovy.lang.MissingPropertyException;
import java.util.List;
import java.util.Set;

/**
 * A metaclass that shows operator scripts only the public API of an opsh object. Groovy would
 * otherwise let a script read private fields ({@code redis.context}), call private methods
 * ({@code redis.call(...) { jedis -> ... }}) and reach the raw client behind a read-only facade.
 * Here non-public methods and fields do not exist, properties come only from public getters,
 * attributes ({@code x.@field}) and the metaclass itself are out of reach, and a few public
 * methods that are wiring rather than verbs (such as {@code context()}) are hidden by name.
 * Deliberate reflection through {@code java.lang.Class} is outside what this closes.
 */
final class PublicApiMetaClass extends DelegatingMetaClass {
    /** Names that would hand out the metaclass or a map of fields, whatever the class. */
    private static final Set<String> ALWAYS_HIDDEN = Set.of("getMetaClass", "setMetaClass", "metaClass",
            "getProperties", "properties", "getMetaPropertyValues", "metaPropertyValues", "getAttribute", "setAttribute");

    private final Set<String> hidden;

    /** @param hidden public method and property names to hide as well */
    PublicApiMetaClass(Class<?> type, Set<String> hidden) {
        super(new MetaClassImpl(type));
        this.hidden = hidden;
        initialize();
    }

    private boolean visible(String name, MetaMethod method) {
        return !hidden.contains(name) && !ALWAYS_HIDDEN.contains(name) && (method == null || method.isPublic());
    }

    private MissingMethodException missing(String name, Object[] args) {
        return new MissingMethodException(name, getTheClass(), args == null ? new Object[0] : args);
    }

    @Override
    public Object invokeMethod(Object object, String name, Object[] args) {
        if (!visible(name, super.getMetaMethod(name, args == null ? new Object[0] : args))) {
            throw missing(name, args);
        }
        return super.invokeMethod(object, name, args);
    }

    @Override
    public Object invokeMethod(Object object, String name, Object args) {
        Object[] arguments = args instanceof Object[] array ? array : args == null ? new Object[0] : new Object[] {args};
        return invokeMethod(object, name, arguments);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Object invokeMethod(Class sender, Object object, String name, Object[] args, boolean isCallToSuper,
            boolean fromInsideClass) {
        if (!visible(name, super.getMetaMethod(name, args == null ? new Object[0] : args))) {
            throw missing(name, args);
        }
        return super.invokeMethod(sender, object, name, args, isCallToSuper, fromInsideClass);
    }

    @Override
    public MetaMethod getMetaMethod(String name, Object[] args) {
        MetaMethod method = super.getMetaMethod(name, args);
        return visible(name, method) ? method : null;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public MetaMethod pickMethod(String name, Class[] types) {
        MetaMethod method = super.pickMethod(name, types);
        return visible(name, method) ? method : null;
    }

    @Override
    public List<MetaMethod> getMethods() {
        return super.getMethods().stream().filter(m -> visible(m.getName(), m)).toList();
    }

    @Override
    public List<MetaMethod> getMetaMethods() {
        return super.getMetaMethods().stream().filter(m -> visible(m.getName(), m)).toList();
    }

    @Override
    public List<MetaMethod> respondsTo(Object object, String name, Object[] args) {
        return super.respondsTo(object, name, args).stream().filter(m -> visible(name, m)).toList();
    }

    @Override
    public List<MetaMethod> respondsTo(Object object, String name) {
        return super.respondsTo(object, name).stream().filter(m -> visible(name, m)).toList();
    }

    @Override
    public Object getProperty(Object object, String name) {
        return invokeMethod(object, getter(name), new Object[0]);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Object getProperty(Class sender, Object object, String name, boolean useSuper, boolean fromInsideClass) {
        return getProperty(object, name);
    }

    @Override
    public void setProperty(Object object, String name, Object value) {
        throw new MissingPropertyException(name, getTheClass());
    }

    @Override
    @SuppressWarnings("rawtypes")
    public void setProperty(Class sender, Object object, String name, Object value, boolean useSuper, boolean fromInsideClass) {
        throw new MissingPropertyException(name, getTheClass());
    }

    @Override
    public MetaProperty getMetaProperty(String name) {
        return null;
    }

    @Override
    public MetaProperty hasProperty(Object object, String name) {
        return null;
    }

    @Override
    public List<MetaProperty> getProperties() {
        return List.of();
    }

    @Override
    public Object getAttribute(Object object, String attribute) {
        throw new MissingPropertyException(attribute, getTheClass());
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Object getAttribute(Class sender, Object object, String name, boolean useSuper) {
        throw new MissingPropertyException(name, getTheClass());
    }

    @Override
    public void setAttribute(Object object, String attribute, Object value) {
        throw new MissingPropertyException(attribute, getTheClass());
    }

    @Override
    @SuppressWarnings("rawtypes")
    public void setAttribute(Class sender, Object object, String name, Object value, boolean useSuper, boolean fromInsideClass) {
        throw new MissingPropertyException(name, getTheClass());
    }

    /** The public getter a property reads through: {@code getName}, or {@code isName} when only that exists. */
    private String getter(String name) {
        if (name.isEmpty()) {
            throw new MissingPropertyException(name, getTheClass());
        }
        String capitalized = Character.toUpperCase(name.charAt(0)) + name.substring(1);
        MetaMethod is = super.getMetaMethod("is" + capitalized, new Object[0]);
        MetaMethod get = super.getMetaMethod("get" + capitalized, new Object[0]);
        if (get == null && is != null && is.isPublic()) {
            return "is" + capitalized;
        }
        if (get == null || hidden.contains(name) || ALWAYS_HIDDEN.contains(name)) {
            throw new MissingPropertyException(name, getTheClass());
        }
        return "get" + capitalized;
    }
}
