package dev.opsh.repl;

import dev.opsh.ExitCode;
import dev.opsh.OpshException;
import dev.opsh.engine.VerbCatalog;
import dev.opsh.text.DidYouMean;
import groovy.lang.MissingMethodException;
import groovy.lang.MissingPropertyException;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * The one place a failure becomes what the operator reads: one line naming the error and its
 * cause, and an exit code. Expected failures ({@link OpshException}) keep their message; Groovy's
 * missing names get a did-you-mean; anything else is named by its type.
 */
public final class Failures {
    private final Supplier<Collection<String>> sessionNames;

    /** @param sessionNames the variables and methods the session has, for did-you-mean */
    public Failures(Supplier<Collection<String>> sessionNames) {
        this.sessionNames = sessionNames;
    }

    public String describe(Throwable failure) {
        Throwable t = unwrap(failure);
        if (t instanceof OpshException e) {
            return e.getMessage();
        }
        if (t instanceof MissingPropertyException e && isScriptLevel(e.getType())) {
            return "unknown name '" + e.getProperty() + "'" + hint(e.getProperty());
        }
        if (t instanceof MissingMethodException e && isScriptLevel(e.getType())) {
            return "unknown verb or method '" + e.getMethod() + "'" + hint(e.getMethod());
        }
        String message = firstLine(t.getMessage());
        StringBuilder line = new StringBuilder(t.getClass().getSimpleName());
        if (message != null) {
            line.append(": ").append(message);
        }
        Throwable cause = t.getCause();
        if (cause != null && cause != t) {
            line.append(" (caused by ").append(cause.getClass().getSimpleName());
            String causeMessage = firstLine(cause.getMessage());
            if (causeMessage != null && !causeMessage.equals(message)) {
                line.append(": ").append(causeMessage);
            }
            line.append(')');
        }
        return line.toString();
    }

    public static ExitCode exitCode(Throwable failure) {
        return unwrap(failure) instanceof OpshException e ? e.exitCode() : ExitCode.FAILURE;
    }

    /** Groovy wraps checked exceptions of user code; the operator wants the one that happened. */
    static Throwable unwrap(Throwable t) {
        Throwable current = t;
        while (current instanceof org.codehaus.groovy.runtime.InvokerInvocationException
                || current instanceof java.lang.reflect.UndeclaredThrowableException
                || current instanceof java.util.concurrent.ExecutionException
                || current instanceof java.util.concurrent.CompletionException) {
            if (current.getCause() == null) {
                break;
            }
            current = current.getCause();
        }
        return current;
    }

    private static boolean isScriptLevel(Class<?> type) {
        return type != null && (groovy.lang.Script.class.isAssignableFrom(type) || type == groovy.lang.Binding.class);
    }

    private String hint(String name) {
        Set<String> known = new TreeSet<>(VerbCatalog.names());
        known.addAll(sessionNames.get());
        return DidYouMean.closest(name, known).isEmpty() ? "" : DidYouMean.hint(name, known);
    }

    private static String firstLine(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String stripped = text.strip();
        int newline = stripped.indexOf('\n');
        return newline < 0 ? stripped : stripped.substring(0, newline).strip();
    }
}
