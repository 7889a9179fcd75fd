package dev.opsh.dsl;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a DSL verb: the one place its effect, help text and example live. Completion,
 * {@code /help}, the guard and the transcript all read this annotation.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Verb {
    Effect effect();

    /** One line saying what the verb returns or does. */
    String summary();

    /** A line an operator can type, such as {@code queues('transcode.*')}. */
    String example();
}
