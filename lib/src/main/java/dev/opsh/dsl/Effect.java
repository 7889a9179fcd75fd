package dev.opsh.dsl;

/** What a DSL verb does to the world. The guard and the transcript both read it from {@link Verb}. */
public enum Effect {
    /** Only looks. Runs freely everywhere. */
    READ,
    /** Changes data or configuration. Previewed; needs confirmation on a protected inventory. */
    MUTATE,
    /** Takes a service down or brings it back. Previewed, backup pre-flight and confirmation on a protected inventory. */
    CHAOS
}
