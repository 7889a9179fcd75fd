package dev.opsh.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opsh.guard.SkippedMutation;
import dev.opsh.render.Screen;
import dev.opsh.render.Table;
import dev.opsh.repl.Session;
import dev.opsh.transcript.Entry;
import dev.opsh.transcript.TranscriptEvent;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.jline.utils.AttributedStyle;

/**
 * Re-executes a transcript's inputs in a new session and says, step by step, whether each typed
 * result is the one recorded. MUTATE and CHAOS steps are skipped by the guard before they run,
 * unless the session's operator was opened to run them.
 */
final class Rerun {
    /** What one step did this time, compared with the recording. */
    record Step(int step, String input, String outcome, String detail) {}

    private final Session session;

    Rerun(Session session) {
        this.session = session;
    }

    List<Step> run(List<Entry> entries) {
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            if (!(entries.get(i).event() instanceof TranscriptEvent.Input input) || input.text().strip().startsWith("/")) {
                continue;
            }
            TranscriptEvent recorded = recordedOutcome(entries, i + 1);
            steps.add(step(steps.size() + 1, input.text(), recorded));
        }
        return steps;
    }

    private Step step(int n, String source, TranscriptEvent recorded) {
        String shown = source.strip().replaceAll("\\s+", " ");
        try {
            session.recorder().input("rerun", source);
            Object value = session.evaluator().evaluate(source);
            JsonNode now = TranscriptEvent.Result.of(value).value();
            if (recorded instanceof TranscriptEvent.Result result) {
                String difference = JsonDifference.first(result.value(), now);
                return difference == null ? new Step(n, shown, "same", "") : new Step(n, shown, "differs", difference);
            }
            return new Step(n, shown, recorded instanceof TranscriptEvent.Failure ? "differs" : "same",
                    recorded instanceof TranscriptEvent.Failure f ? "it failed then (" + f.message() + "); now it succeeds" : "");
        } catch (SkippedMutation skipped) {
            return new Step(n, shown, "skipped", skipped.effect() + " step; --with-mutations runs it under the guard");
        } catch (RuntimeException e) {
            String message = session.failures().describe(e);
            if (recorded instanceof TranscriptEvent.Failure f && f.message() != null && message.equals(f.message())) {
                return new Step(n, shown, "same", "fails as recorded: " + message);
            }
            return new Step(n, shown, "differs", "now fails: " + message);
        }
    }

    /** The result or failure recorded for the input before {@code from}, or null if it produced neither. */
    private static TranscriptEvent recordedOutcome(List<Entry> entries, int from) {
        for (int j = from; j < entries.size(); j++) {
            TranscriptEvent e = entries.get(j).event();
            if (e instanceof TranscriptEvent.Input) {
                return null;
            }
            if (e instanceof TranscriptEvent.Result || e instanceof TranscriptEvent.Failure) {
                return e;
            }
        }
        return null;
    }

    static void show(List<Step> steps, Screen screen) {
        Table table = new Table(List.of("step", "input", "outcome", "detail"));
        for (Step s : steps) {
            AttributedStyle style = switch (s.outcome()) {
                case "same" -> AttributedStyle.DEFAULT.foreground(AttributedStyle.GREEN);
                case "skipped" -> AttributedStyle.DEFAULT.foreground(AttributedStyle.YELLOW);
                default -> AttributedStyle.DEFAULT.foreground(AttributedStyle.RED);
            };
            table.add(List.of(new Table.Cell(String.valueOf(s.step()), AttributedStyle.DEFAULT, true),
                    new Table.Cell(s.input(), AttributedStyle.DEFAULT, false),
                    new Table.Cell(s.outcome(), style, false),
                    new Table.Cell(s.detail(), AttributedStyle.DEFAULT, false)));
        }
        screen.println(table.render());
    }

    /** The first place two JSON values differ, as {@code path: recorded → now}. */
    static final class JsonDifference {
        private JsonDifference() {}

        static String first(JsonNode recorded, JsonNode now) {
            return first("$", recorded, now);
        }

        private static String first(String path, JsonNode a, JsonNode b) {
            if (a == null || b == null || a.getNodeType() != b.getNodeType()) {
                return a == null && b == null ? null : path + ": " + brief(a) + " → " + brief(b);
            }
            if (a.isObject()) {
                Iterator<Map.Entry<String, JsonNode>> fields = a.fields();
                while (fields.hasNext()) {
                    Map.Entry<String, JsonNode> f = fields.next();
                    String d = first(path + "." + f.getKey(), f.getValue(), b.get(f.getKey()));
                    if (d != null) {
                        return d;
                    }
                }
                return a.size() == b.size() ? null : path + ": " + a.size() + " fields → " + b.size();
            }
            if (a.isArray()) {
                for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
                    String d = first(path + "[" + i + "]", a.get(i), b.get(i));
                    if (d != null) {
                        return d;
                    }
                }
                return a.size() == b.size() ? null : path + ": " + a.size() + " items → " + b.size();
            }
            return a.equals(b) ? null : path + ": " + brief(a) + " → " + brief(b);
        }

        private static String brief(JsonNode n) {
            if (n == null) {
                return "absent";
            }
            String text = n.isTextual() ? n.asText() : n.toString();
            return text.length() > 40 ? text.substring(0, 39) + "…" : text;
        }
    }
}
