package dev.opsh.engine;

import dev.opsh.dsl.Effect;
import dev.opsh.dsl.Verb;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Every verb of the DSL, read from the {@link Verb} declarations of the script base class. Help,
 * completion, the guard and the transcript all ask this catalogue, so a verb is declared once.
 */
public final class VerbCatalog {
    /** One overload of a verb. {@code name} is what the operator types: {@code redis} for {@code getRedis()}. */
    public record VerbInfo(String name, String signature, Effect effect, String summary, String example, Method method) {}

    private static final List<VerbInfo> VERBS = scan(OpsScript.class);

    private VerbCatalog() {}

    public static List<VerbInfo> all() {
        return VERBS;
    }

    /** All overloads of the verb an operator would type as {@code name}. */
    public static List<VerbInfo> named(String name) {
        return VERBS.stream().filter(v -> v.name().equals(name)).toList();
    }

    public static Optional<Effect> effectOf(String name) {
        return named(name).stream().map(VerbInfo::effect).max(Comparator.naturalOrder());
    }

    public static List<String> names() {
        return VERBS.stream().map(VerbInfo::name).distinct().sorted().toList();
    }

    static List<VerbInfo> scan(Class<?> scriptClass) {
        List<VerbInfo> verbs = new ArrayList<>();
        for (Method method : scriptClass.getMethods()) {
            Verb verb = method.getAnnotation(Verb.class);
            if (verb == null) {
                continue;
            }
            String name = typedName(method);
            String signature = isProperty(method) ? name : name + "(" + parameters(method) + ")";
            verbs.add(new VerbInfo(name, signature, verb.effect(), verb.summary(), verb.example(), method));
        }
        verbs.sort(Comparator.comparing(VerbInfo::name).thenComparing(v -> v.method().getParameterCount()));
        return List.copyOf(verbs);
    }

    private static boolean isProperty(Method method) {
        return method.getParameterCount() == 0 && method.getName().startsWith("get") && method.getName().length() > 3;
    }

    private static String typedName(Method method) {
        if (isProperty(method)) {
            String rest = method.getName().substring(3);
            return Character.toLowerCase(rest.charAt(0)) + rest.substring(1);
        }
        return method.getName();
    }

    private static String parameters(Method method) {
        return java.util.Arrays.stream(method.getParameters()).map(VerbCatalog::parameter).collect(Collectors.joining(", "));
    }

    private static String parameter(Parameter p) {
        String type = p.getType().getSimpleName();
        return p.isNamePresent() ? type + " " + p.getName() : type;
    }
}
