package dev.opsh.transcript;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A transcript as a Markdown postmortem timeline, ready to paste: who ran what against which
 * environment and for how long, each command with its time and a short result, the guard's
 * decisions, the chaos actions with their down and recovered times, errors, markers and remote
 * commands. Chaos actions are read from results as docs/transcript.md describes.
 */
public final class PostmortemReport {
    private PostmortemReport() {}

    /** The report of {@code transcript}, which is read and verified. */
    public static String markdown(Path transcript) {
        Verification verification = TranscriptVerifier.verify(transcript);
        Timeline timeline = new Timeline();
        TranscriptEvent.Header header;
        try (TranscriptReader reader = TranscriptReader.open(transcript)) {
            header = reader.header();
            for (Entry entry = reader.next(); entry != null; entry = reader.next()) {
                timeline.add(entry);
            }
        }
        timeline.finish();
        StringBuilder text = new StringBuilder();
        Markdown out = new Markdown(text);
        summary(out, transcript, header, timeline, verification);
        steps(out, timeline);
        guards(out, timeline);
        chaos(out, timeline);
        errors(out, timeline);
        remotes(out, timeline);
        return text.toString();
    }

    private static void summary(Markdown out, Path file, TranscriptEvent.Header header, Timeline timeline, Verification verification) {
        out.line("# opsh session on " + header.environment() + ", " + Markdown.full(header.start()));
        out.line("");
        out.line("- **Environment:** " + header.environment() + (header.isProtected() ? " (protected)" : "")
                + ", inventory `" + header.inventory() + "`");
        out.line("- **Operator:** " + header.user() + " on " + header.host());
        out.line("- **Started:** " + Markdown.full(header.start()));
        Instant last = timeline.lastAt == null ? header.start() : timeline.lastAt;
        out.line(timeline.end != null
                ? "- **Ended:** " + Markdown.full(last) + ", exit code " + timeline.end.exit()
                : "- **Ended:** not recorded; the session stopped without an end event (last event " + Markdown.full(last) + ")");
        out.line("- **Duration:** " + Markdown.duration(Duration.ofMillis(timeline.lastT)));
        out.line("- **Transcript:** `" + file.getFileName() + "`, session " + header.session() + ", opsh " + header.opshVersion());
        out.line(verification.intact()
                ? "- **Integrity:** the hash chain verifies (" + verification.verifiedLines() + " lines)"
                : "- **Integrity:** WARNING, the transcript does not verify: " + verification.describe());
    }

    private static void steps(Markdown out, Timeline timeline) {
        out.heading("Timeline");
        List<List<String>> rows = new ArrayList<>();
        for (Timeline.Step step : timeline.steps) {
            rows.add(step.marker() != null
                    ? List.of(Markdown.clock(step.at()), Markdown.offset(step.t()), "**Marker:** " + Markdown.cell(step.marker()), "")
                    : List.of(Markdown.clock(step.at()), Markdown.offset(step.t()), Markdown.code(step.input()),
                            Markdown.cell(step.outcome())));
        }
        out.table(List.of("Time (UTC)", "Since start", "Command", "Result"), rows);
    }

    private static void guards(Markdown out, Timeline timeline) {
        out.heading("Guard decisions");
        List<List<String>> rows = new ArrayList<>();
        for (Timeline.GuardRow row : timeline.guards) {
            TranscriptEvent.Guard guard = row.guard();
            rows.add(List.of(Markdown.clock(row.at()), Markdown.code(row.command()), Markdown.cell(guard.decision()),
                    Markdown.cell(guard.reason()), guard.backupFreshnessSkipped() ? "skipped" : "checked",
                    Markdown.cell(guard.preview())));
        }
        out.table(List.of("Time (UTC)", "Command", "Decision", "Reason", "Backup freshness", "Preview"), rows);
    }

    private static void chaos(Markdown out, Timeline timeline) {
        out.heading("Chaos actions");
        List<List<String>> rows = new ArrayList<>();
        for (Timeline.ChaosRow row : timeline.chaos) {
            rows.add(List.of(Markdown.clock(row.at()), Markdown.cell(row.target()), Markdown.cell(row.action()),
                    Markdown.cell(Timeline.readable(row.downAt())),
                    row.recoveredAt().isEmpty() ? "**not recovered**" : Markdown.cell(Timeline.readable(row.recoveredAt())),
                    Markdown.cell(Timeline.readable(row.timeToRecover())), Markdown.cell(row.observed())));
        }
        out.table(List.of("Time (UTC)", "Target", "Action", "Down at", "Recovered at", "Time to recover", "Observed"), rows);
    }

    private static void errors(Markdown out, Timeline timeline) {
        out.heading("Errors");
        List<List<String>> rows = new ArrayList<>();
        for (Timeline.ErrorRow row : timeline.errors) {
            rows.add(List.of(Markdown.clock(row.at()), Markdown.code(row.command()), Markdown.cell(row.message())));
        }
        out.table(List.of("Time (UTC)", "Command", "Error"), rows);
    }

    private static void remotes(Markdown out, Timeline timeline) {
        out.heading("Remote commands");
        List<List<String>> rows = new ArrayList<>();
        for (Entry entry : timeline.remotes) {
            TranscriptEvent.Remote remote = (TranscriptEvent.Remote) entry.event();
            rows.add(List.of(Markdown.clock(entry.at()), Markdown.cell(remote.host()), Markdown.code(remote.command()),
                    Integer.toString(remote.exit()), Markdown.duration(Duration.ofMillis(remote.durationMs()))));
        }
        out.table(List.of("Time (UTC)", "Host", "Command", "Exit", "Duration"), rows);
    }
}
