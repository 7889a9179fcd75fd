package dev.opsh.repl;

import dev.opsh.engine.VerbCatalog;
import dev.opsh.engine.VerbCatalog.VerbInfo;
import dev.opsh.inventory.Inventory;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/**
 * Completes what an operator types: {@code /commands}, DSL verbs with their signatures, session
 * variables, members of the value a variable holds (or a verb returns), and inventory service,
 * host and group names inside string arguments ({@code kill('re<TAB>')}). It never evaluates a verb.
 */
final class OpshCompleter implements Completer {
    private static final Pattern RECEIVER = Pattern.compile("([A-Za-z_$][\\w$]*)\\.$");
    private static final Set<String> OBJECT_METHODS = Set.of("getClass", "hashCode", "equals", "toString", "notify",
            "notifyAll", "wait", "getMetaClass", "setMetaClass", "invokeMethod", "getProperty", "setProperty");

    private final Session session;
    private final ReplCommands commands;

    OpshCompleter(Session session, ReplCommands commands) {
        this.session = session;
        this.commands = commands;
    }

    @Override
    public void complete(LineReader reader, ParsedLine parsed, List<Candidate> candidates) {
        CodeLine line = (CodeLine) parsed;
        String before = line.before();
        if (line.line().startsWith("/") && before.isEmpty()) {
            for (ReplCommand c : commands.all()) {
                candidates.add(new Candidate(c.name(), c.name(), "commands", c.summary(), null, null, true));
            }
            return;
        }
        if (before.endsWith("'") || before.endsWith("\"")) {
            inventoryNames(session.inventory(), candidates);
            return;
        }
        Matcher receiver = RECEIVER.matcher(before);
        if (receiver.find()) {
            Class<?> type = typeOf(receiver.group(1));
            if (type != null) {
                members(type, candidates);
            }
            return;
        }
        for (VerbInfo verb : VerbCatalog.all()) {
            boolean property = verb.signature().equals(verb.name());
            candidates.add(new Candidate(property ? verb.name() : verb.name() + "(", verb.name(), "verbs",
                    verb.signature() + "  " + verb.summary(), null, verb.name(), false));
        }
        for (Map.Entry<String, Object> v : session.evaluator().variables().entrySet()) {
            Object value = v.getValue();
            candidates.add(new Candidate(v.getKey(), v.getKey(), "variables",
                    value == null ? "null" : value.getClass().getSimpleName(), null, null, false));
        }
        for (String m : session.evaluator().methods()) {
            candidates.add(new Candidate(m + "(", m, "methods", null, null, m, false));
        }
    }

    static void inventoryNames(Inventory inventory, List<Candidate> candidates) {
        inventory.services().values().forEach(s -> candidates.add(
                new Candidate(s.name(), s.name(), "services", s.type() + " on " + String.join(", ", s.hosts()), null, null, false)));
        inventory.hosts().values().forEach(h -> candidates.add(
                new Candidate(h.name(), h.name(), "hosts", h.toString(), null, null, false)));
        inventory.groups().forEach((g, members) -> candidates.add(
                new Candidate(g, g, "groups", String.join(", ", members), null, null, false)));
    }

    /** The type behind a name, without running anything: a variable's value, or a property verb's declared type. */
    private Class<?> typeOf(String name) {
        Map<String, Object> vars = session.evaluator().variables();
        if (vars.containsKey(name)) {
            Object value = vars.get(name);
            return value == null ? null : value.getClass();
        }
        for (VerbInfo verb : VerbCatalog.named(name)) {
            if (verb.signature().equals(verb.name())) {
                return verb.method().getReturnType();
            }
        }
        return null;
    }

    private static void members(Class<?> type, List<Candidate> candidates) {
        Map<String, String> members = new LinkedHashMap<>();
        Set<String> components = new java.util.HashSet<>();
        if (type.isRecord()) {
            for (RecordComponent c : type.getRecordComponents()) {
                members.put(c.getName(), c.getType().getSimpleName());
                components.add(c.getName());
            }
        }
        for (Method m : type.getMethods()) {
            if (Modifier.isStatic(m.getModifiers()) || OBJECT_METHODS.contains(m.getName()) || m.getName().contains("$")
                    || m.getParameterCount() == 0 && components.contains(m.getName())) {
                continue;
            }
            String name = m.getName();
            if (m.getParameterCount() == 0 && name.startsWith("get") && name.length() > 3) {
                members.putIfAbsent(Character.toLowerCase(name.charAt(3)) + name.substring(4), m.getReturnType().getSimpleName());
            }
            members.putIfAbsent(name + "(", m.getReturnType().getSimpleName());
        }
        members.forEach((name, returns) -> {
            String display = name.endsWith("(") ? name.substring(0, name.length() - 1) : name;
            candidates.add(new Candidate(name, display, "members", returns, null, null, false));
        });
    }
}
