package dev.opsh.transcript;

import dev.opsh.inventory.Secrets;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks secrets in text before it is stored (transcript, history). First, by value: every secret
 * resolved so far, asked for at each call because secrets are resolved during the session, also in
 * its URL-encoded form. Then by pattern: the password in {@code scheme://user:PASSWORD@host}, the
 * credentials of an {@code Authorization:} header, and the value of {@code password=},
 * {@code password: }, {@code PGPASSWORD=} style settings. Each is replaced by {@value #MASK}.
 */
public final class Redactor {
    /** What a masked secret becomes. */
    public static final String MASK = "***";

    /** A value ends at whitespace, a quote, a separator of settings, or an ANSI escape. */
    private static final String VALUE = "(?:\"[^\"\\n]*\"|'[^'\\n]*'|[^\\s'\",;&\\u001b]+)";
    private static final Pattern URL_PASSWORD = Pattern.compile(
            "(\\b[a-zA-Z][a-zA-Z0-9+.-]*://[^\\s/:@]*:)([^\\s@/\\u001b]+)(@)");
    private static final Pattern AUTHORIZATION = Pattern.compile(
            "(?i)(\\bauthorization[\"']?\\s*[:=]\\s*[\"']?(?:(?:basic|bearer|digest|token|negotiate|aws4-hmac-sha256)\\s+)?)"
                    + "([^\\s'\",;\\u001b]+)");
    private static final Pattern SETTING = Pattern.compile(
            "(?i)(\\b[\\w.-]*(?:password|passwd|pwd|secret|token|api[_-]?key)[\"']?\\s*[:=]\\s*"
                    + "|\\brequirepass\\s+|--password[= ])"
                    + "(?!(?:env|file):|\\$\\{|\\*\\*\\*)(" + VALUE + ")");

    private static final Pattern SECRET_NAME = Pattern.compile(
            "(?i)[\\w.-]*(?:password|passwd|pwd|secret|token|api[_-]?key|authorization)");
    private static final Pattern REFERENCE = Pattern.compile("(?:env|file):.*|\\$\\{.*|\\*\\*\\*", Pattern.DOTALL);

    private final Supplier<? extends Collection<String>> secrets;
    private volatile Expanded expanded = new Expanded(Set.of(), List.of());

    /** The secrets last seen, and them with their encoded forms, longest first. */
    private record Expanded(Set<String> source, List<String> values) {}

    /** A redactor that masks the values {@code secrets} returns at each call, and the patterns. */
    public Redactor(Supplier<? extends Collection<String>> secrets) {
        this.secrets = secrets;
    }

    /** Masks every secret {@code secrets} has resolved, at the time of each call, and the patterns. */
    public static Redactor of(Secrets secrets) {
        return new Redactor(secrets::resolvedValues);
    }

    /** Masks the patterns only. */
    public static Redactor patternsOnly() {
        return new Redactor(Set::of);
    }

    /** {@code text} with every secret masked; null stays null. */
    public String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String masked = text;
        for (String secret : currentSecrets()) {
            masked = masked.replace(secret, MASK);
        }
        masked = URL_PASSWORD.matcher(masked).replaceAll(m -> quote(m.group(1)) + MASK + "@");
        masked = AUTHORIZATION.matcher(masked).replaceAll(m -> quote(m.group(1)) + MASK);
        return SETTING.matcher(masked).replaceAll(m -> quote(m.group(1)) + quoted(m.group(2)));
    }

    /**
     * {@code value} as stored under a field or key called {@code name}: wholly masked if the name
     * is one of a credential ({@code password}, {@code PGPASSWORD}, {@code apiKey}, {@code authorization}, …)
     * and the value is not a reference such as {@code env:NAME}; else {@link #redact redacted}.
     */
    public String redactField(String name, String value) {
        if (value != null && !value.isEmpty() && SECRET_NAME.matcher(name).matches() && !REFERENCE.matcher(value).matches()) {
            return MASK;
        }
        return redact(value);
    }

    /** Whether {@code text} equals a secret resolved so far (a number that is a secret, say). */
    public boolean isSecret(String text) {
        return text != null && !text.isEmpty() && secrets.get().contains(text);
    }

    private List<String> currentSecrets() {
        Set<String> now = Set.copyOf(secrets.get());
        Expanded last = expanded;
        if (!last.source().equals(now)) {
            last = new Expanded(now, byLength(now));
            expanded = last;
        }
        return last.values();
    }

    private static List<String> byLength(Collection<String> values) {
        List<String> all = new ArrayList<>(values.size() * 2);
        for (String value : values) {
            if (value.isEmpty()) {
                continue;
            }
            all.add(value);
            String encoded = URLEncoder.encode(value, StandardCharsets.UTF_8);
            if (!encoded.equals(value)) {
                all.add(encoded);
            }
        }
        all.sort(Comparator.comparingInt(String::length).reversed());
        return all;
    }

    private static String quoted(String value) {
        char first = value.charAt(0);
        if ((first == '"' || first == '\'') && value.length() >= 2) {
            return first + MASK + first;
        }
        return MASK;
    }

    private static String quote(String literal) {
        return Matcher.quoteReplacement(literal);
    }
}
