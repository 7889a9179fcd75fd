package dev.opsh.transcript;

import dev.opsh.ExitCode;
import dev.opsh.OpshException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** The past sessions in a transcript directory, newest first, filtered by environment, start and text. */
public final class TranscriptIndex {
    /** What to list: null fields do not filter. {@code grep} matches inputs and outputs, ignoring case and colours. */
    public record Filter(String environment, Instant since, String grep) {
        public static final Filter ALL = new Filter(null, null, null);
    }

    /** One past session. */
    public record Session(Path file, Instant start, String environment, String inventory, String user, String host,
                          long events, boolean ended, Verification verification) {}

    private final Path directory;

    public TranscriptIndex(Path directory) {
        this.directory = directory;
    }

    /** The sessions that pass {@code filter}, newest first. Files that are not transcripts are left out. */
    public List<Session> list(Filter filter) {
        List<Session> sessions = new ArrayList<>();
        for (Path file : files()) {
            Session session = read(file, filter);
            if (session != null) {
                sessions.add(session);
            }
        }
        sessions.sort(Comparator.comparing(Session::start).reversed().thenComparing(Session::file));
        return sessions;
    }

    private List<Path> files() {
        try (Stream<Path> listing = Files.list(directory)) {
            return listing.filter(p -> p.getFileName().toString().endsWith(".jsonl") && Files.isRegularFile(p)).toList();
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new OpshException(ExitCode.FAILURE, "cannot list the transcripts in " + directory + ": " + e.getMessage(), e);
        }
    }

    private static Session read(Path file, Filter filter) {
        TranscriptEvent.Header header;
        long events = 0;
        boolean ended = false;
        boolean matched = filter.grep() == null;
        String needle = filter.grep() == null ? null : filter.grep().toLowerCase(Locale.ROOT);
        try (TranscriptReader reader = TranscriptReader.open(file)) {
            header = reader.header();
            if (!passes(header, filter)) {
                return null;
            }
            for (Entry entry = reader.next(); entry != null; entry = reader.next()) {
                events++;
                ended = entry.event() instanceof TranscriptEvent.End;
                matched = matched || contains(entry.event(), needle);
            }
        } catch (OpshException notATranscript) {
            return null;
        }
        if (!matched) {
            return null;
        }
        return new Session(file, header.start(), header.environment(), header.inventory(), header.user(), header.host(),
                events, ended, TranscriptVerifier.verify(file));
    }

    private static boolean passes(TranscriptEvent.Header header, Filter filter) {
        return (filter.environment() == null || filter.environment().equalsIgnoreCase(header.environment()))
                && (filter.since() == null || !header.start().isBefore(filter.since()));
    }

    private static boolean contains(TranscriptEvent event, String needle) {
        String text = event instanceof TranscriptEvent.Input input ? input.text()
                : event instanceof TranscriptEvent.Output output ? AnsiText.strip(output.text()) : null;
        return text != null && text.toLowerCase(Locale.ROOT).contains(needle);
    }
}
