package dev.opsh.transcript;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import java.util.function.Function;

/**
 * Where transcripts go: {@code $OPSH_TRANSCRIPT_DIR}, else {@code $XDG_STATE_HOME/opsh/transcripts},
 * else {@code ~/.local/state/opsh/transcripts}; and how a session's file is named, so that names
 * sort by start time: {@code 20261123T063530.123Z-staging-1a2b3c4d.jsonl}.
 */
public final class TranscriptLocation {
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);

    private TranscriptLocation() {}

    /** The transcript directory for this process's environment. */
    public static Path directory() {
        return directory(System::getenv, System.getProperty("user.home"));
    }

    /** The transcript directory for the given environment variables and home directory. */
    public static Path directory(Function<String, String> env, String home) {
        return dev.opsh.StateDirectory.part(env, Path.of(home), "OPSH_TRANSCRIPT_DIR", "transcripts");
    }

    /** The file name of a session started at {@code start} against {@code environment}. */
    public static String fileName(Instant start, String environment, UUID session) {
        String env = environment.replaceAll("[^A-Za-z0-9_.-]", "_");
        return STAMP.format(start) + "-" + env + "-" + session.toString().substring(0, 8) + ".jsonl";
    }
}
