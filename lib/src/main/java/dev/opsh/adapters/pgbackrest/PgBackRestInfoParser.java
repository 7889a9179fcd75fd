package dev.opsh.adapters.pgbackrest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opsh.ExitCode;
import dev.opsh.OpshException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the output of {@code pgbackrest info --output=json} (pgBackRest 2.x): an array with one
 * object per stanza, timestamps in epoch seconds. Anything that does not have that shape is an
 * error naming where the output came from, never a default.
 */
public final class PgBackRestInfoParser {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int EXCERPT = 120;

    private PgBackRestInfoParser() {}

    /**
     * The entry for {@code stanza}.
     *
     * @param source where the output came from, for messages: {@code pgbackrest info on db1}
     */
    public static StanzaInfo parse(String output, String stanza, String source) {
        JsonNode root = tree(output, source);
        if (!root.isArray()) {
            throw malformed(source, "expected a JSON array of stanzas", output);
        }
        for (JsonNode entry : root) {
            if (stanza.equals(entry.path("name").asText(null))) {
                return stanza(entry, stanza, source, output);
            }
        }
        throw new OpshException(ExitCode.FAILURE, source + " does not list stanza '" + stanza + "'"
                + (root.isEmpty() ? " (it lists no stanza at all)" : ""));
    }

    private static JsonNode tree(String output, String source) {
        if (output == null || output.isBlank()) {
            throw new OpshException(ExitCode.FAILURE, source + " printed nothing; expected JSON");
        }
        try {
            return JSON.readTree(output);
        } catch (JsonProcessingException e) {
            throw malformed(source, e.getOriginalMessage(), output);
        }
    }

    private static StanzaInfo stanza(JsonNode entry, String stanza, String source, String output) {
        JsonNode status = entry.path("status");
        if (!status.path("code").isInt()) {
            throw malformed(source, "stanza '" + stanza + "' has no status.code", output);
        }
        List<String> repoMessages = new ArrayList<>();
        for (JsonNode repo : entry.path("repo")) {
            if (repo.path("status").path("code").asInt(0) != 0) {
                repoMessages.add("repo" + repo.path("key").asText("?") + ": " + repo.path("status").path("message").asText(""));
            }
        }
        List<Backup> backups = new ArrayList<>();
        for (JsonNode b : entry.path("backup")) {
            backups.add(backup(stanza, b, source, output));
        }
        return new StanzaInfo(stanza, status.path("code").asInt(), status.path("message").asText(""),
                List.copyOf(repoMessages), List.copyOf(backups));
    }

    private static Backup backup(String stanza, JsonNode b, String source, String output) {
        JsonNode timestamp = b.path("timestamp");
        JsonNode info = b.path("info");
        String label = b.path("label").asText(null);
        if (label == null || !timestamp.path("start").isNumber() || !timestamp.path("stop").isNumber()
                || !info.path("size").isNumber() || !info.path("repository").path("size").isNumber()) {
            throw malformed(source, "a backup of stanza '" + stanza + "' lacks label, timestamp.start/stop,"
                    + " info.size or info.repository.size", output);
        }
        return new Backup(stanza, label, b.path("type").asText(""),
                Instant.ofEpochSecond(timestamp.path("start").asLong()),
                Instant.ofEpochSecond(timestamp.path("stop").asLong()),
                info.path("size").asLong(), info.path("repository").path("size").asLong(),
                b.path("error").asBoolean(false));
    }

    private static OpshException malformed(String source, String problem, String output) {
        String flat = output.strip().replaceAll("\\s+", " ");
        String excerpt = flat.length() > EXCERPT ? flat.substring(0, EXCERPT) + "..." : flat;
        return new OpshException(ExitCode.FAILURE, source + " printed malformed JSON: " + problem
                + "; output began: " + excerpt);
    }
}
