package dev.opsh.adapters;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Looks through an exception's causes and suppressed exceptions, where client libraries bury the socket error. */
public final class Causes {
    private Causes() {}

    /** The first throwable of {@code type} in {@code e}, its causes or their suppressed exceptions. */
    public static <T extends Throwable> Optional<T> find(Throwable e, Class<T> type) {
        Deque<Throwable> todo = new ArrayDeque<>();
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        todo.add(e);
        while (!todo.isEmpty()) {
            Throwable t = todo.poll();
            if (seen.put(t, true) != null) {
                continue;
            }
            if (type.isInstance(t)) {
                return Optional.of(type.cast(t));
            }
            if (t.getCause() != null) {
                todo.add(t.getCause());
            }
            todo.addAll(List.of(t.getSuppressed()));
        }
        return Optional.empty();
    }

    public static boolean has(Throwable e, Class<? extends Throwable> type) {
        return find(e, type).isPresent();
    }

    /** The first line of the innermost cause's message, or its class name when it has none. */
    public static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root.getSuppressed().length > 0 && root.getCause() == null && root == e) {
            root = root.getSuppressed()[0];
        }
        String message = root.getMessage();
        return message == null || message.isBlank() ? root.getClass().getSimpleName() : firstLine(message);
    }

    public static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }
}
