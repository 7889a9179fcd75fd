package dev.opsh.cli;

import dev.opsh.ExitCode;
import dev.opsh.transcript.TranscriptIndex;
import dev.opsh.transcript.TranscriptLocation;
import dev.opsh.transcript.Verification;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** {@code opsh transcripts}: the past sessions, newest first. */
@Command(name = "transcripts", mixinStandardHelpOptions = true,
        description = "List past sessions, newest first, with whether each transcript verifies.")
public final class TranscriptsCommand implements Callable<Integer> {
    private static final DateTimeFormatter START = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
    private static final List<String> HEADER = List.of("START", "ENV", "INVENTORY", "USER", "EVENTS", "CHAIN", "FILE");

    @Spec
    CommandSpec spec;

    @Option(names = "--env", paramLabel = "ENV", description = "Only sessions against this environment.")
    String environment;

    @Option(names = "--since", paramLabel = "DATE", converter = SinceConverter.class,
            description = "Only sessions started on or after DATE (2026-11-23, or 2026-11-23T06:00:00Z).")
    Instant since;

    @Option(names = "--grep", paramLabel = "TEXT", description = "Only sessions whose inputs or outputs contain TEXT (any case).")
    String grep;

    @Option(names = "--dir", paramLabel = "DIR",
            description = "The transcript directory (default: $OPSH_TRANSCRIPT_DIR, else $XDG_STATE_HOME/opsh/transcripts, "
                    + "else ~/.local/state/opsh/transcripts).")
    Path directory;

    @Override
    public Integer call() {
        Path dir = directory != null ? directory : TranscriptLocation.directory();
        List<TranscriptIndex.Session> sessions = new TranscriptIndex(dir).list(new TranscriptIndex.Filter(environment, since, grep));
        PrintWriter out = spec.commandLine().getOut();
        if (sessions.isEmpty()) {
            out.println("no transcripts" + (environment != null || since != null || grep != null ? " match" : "") + " in " + dir);
        } else {
            print(out, sessions);
        }
        out.flush();
        return ExitCode.OK.code();
    }

    private static void print(PrintWriter out, List<TranscriptIndex.Session> sessions) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADER);
        for (TranscriptIndex.Session s : sessions) {
            rows.add(List.of(START.format(s.start()), s.environment(), s.inventory(), s.user(), Long.toString(s.events()),
                    chain(s), s.file().toString()));
        }
        int[] width = new int[HEADER.size()];
        rows.forEach(row -> {
            for (int c = 0; c < row.size(); c++) {
                width[c] = Math.max(width[c], row.get(c).length());
            }
        });
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < row.size(); c++) {
                String cell = row.get(c);
                boolean numeric = c == 4;
                String pad = " ".repeat(width[c] - cell.length());
                line.append(numeric ? pad + cell : c == row.size() - 1 ? cell : cell + pad).append(c == row.size() - 1 ? "" : "  ");
            }
            out.println(line);
        }
    }

    private static String chain(TranscriptIndex.Session session) {
        Verification v = session.verification();
        if (v.intact()) {
            return session.ended() ? "intact" : "intact, no end";
        }
        return v.outcome().name().toLowerCase() + " at line " + v.line();
    }

    /** A date (start of that day, UTC) or an ISO-8601 instant. */
    static final class SinceConverter implements ITypeConverter<Instant> {
        @Override
        public Instant convert(String value) {
            try {
                return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException notADate) {
                try {
                    return OffsetDateTime.parse(value).toInstant();
                } catch (DateTimeParseException notATime) {
                    throw new TypeConversionException("'" + value + "' is not a date: write 2026-11-23 or 2026-11-23T06:00:00Z");
                }
            }
        }
    }
}
