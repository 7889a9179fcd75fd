package dev.opsh.dsl;

/**
 * The root of the DSL verb groups. Each group is an interface of default methods annotated with
 * {@link Verb}; the script base class implements all of them and supplies the session context.
 */
public interface Verbs {
    OpsContext context();
}
