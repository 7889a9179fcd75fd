package dev.opsh.transcript;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The rows of a postmortem, gathered from a transcript's entries in one pass. */
final class Timeline {
    /** One input with what came of it, or a marker the operator set. */
    record Step(long t, Instant at, String input, String marker, String outcome) {}

    record GuardRow(Instant at, String command, TranscriptEvent.Guard guard) {}

    record ChaosRow(Instant at, String target, String action, String downAt, String recoveredAt, String timeToRecover,
                    String observed) {}

    record ErrorRow(Instant at, String command, String message) {}

    final List<Step> steps = new ArrayList<>();
    final List<GuardRow> guards = new ArrayList<>();
    final List<ChaosRow> chaos = new ArrayList<>();
    final List<ErrorRow> errors = new ArrayList<>();
    final List<Entry> remotes = new ArrayList<>();
    private final Set<JsonNode> chaosSeen = new HashSet<>();
    TranscriptEvent.End end;
    Instant lastAt;
    long lastT;
    private Entry input;
    private String error;
    private String result;
    private String output;

    void add(Entry entry) {
        lastAt = entry.at();
        lastT = entry.t();
        TranscriptEvent event = entry.event();
        if (event instanceof TranscriptEvent.Input) {
            closeStep();
            input = entry;
        } else if (event instanceof TranscriptEvent.Output out && output == null) {
            output = firstLine(out.text());
        } else if (event instanceof TranscriptEvent.Result r) {
            result = result == null ? summary(r.value()) : result;
            collectChaos(entry.at(), r.value());
        } else if (event instanceof TranscriptEvent.Failure f) {
            error = error == null ? f.message() : error;
            errors.add(new ErrorRow(entry.at(), command(), f.message()));
        } else if (event instanceof TranscriptEvent.Guard g) {
            guards.add(new GuardRow(entry.at(), command(), g));
        } else if (event instanceof TranscriptEvent.Remote) {
            remotes.add(entry);
        } else if (event instanceof TranscriptEvent.Marker m) {
            closeStep();
            steps.add(new Step(entry.t(), entry.at(), null, m.text(), null));
        } else if (event instanceof TranscriptEvent.End e) {
            closeStep();
            end = e;
        }
    }

    /** Finishes the last step. */
    void finish() {
        closeStep();
    }

    private void closeStep() {
        if (input != null) {
            String outcome = error != null ? "error: " + error : result != null ? result : output;
            steps.add(new Step(input.t(), input.at(), ((TranscriptEvent.Input) input.event()).text(), null, outcome));
        }
        input = null;
        error = null;
        result = null;
        output = null;
    }

    private String command() {
        return input == null ? null : ((TranscriptEvent.Input) input.event()).text();
    }

    private void collectChaos(Instant at, JsonNode node) {
        if (node.isObject() && ChaosOutcome.KIND.equals(node.path("kind").asText()) && chaosSeen.add(node)) {
            chaos.add(new ChaosRow(at, node.path("target").asText(""), node.path("action").asText(""),
                    node.path("downAt").asText(""), node.path("recoveredAt").asText(""),
                    node.path("timeToRecover").asText(""), node.path("observed").asText("")));
        }
        if (node.isContainerNode()) {
            node.forEach(child -> collectChaos(at, child));
        }
    }

    private static String firstLine(String text) {
        for (String line : AnsiText.strip(text).split("\n")) {
            if (!line.isBlank()) {
                return line.strip();
            }
        }
        return null;
    }

    private static String summary(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isArray()) {
            return value.size() + (value.size() == 1 ? " item" : " items") + (value.isEmpty() ? "" : ": " + value.get(0));
        }
        return value.isTextual() ? value.asText() : value.toString();
    }

    /** An ISO-8601 instant as a clock time, an ISO-8601 duration as a short one; anything else as it is. */
    static String readable(String iso) {
        if (iso.isEmpty()) {
            return "";
        }
        try {
            return iso.startsWith("P") ? Markdown.duration(Duration.parse(iso)) : Markdown.clock(Instant.parse(iso));
        } catch (DateTimeParseException e) {
            return iso;
        }
    }
}
