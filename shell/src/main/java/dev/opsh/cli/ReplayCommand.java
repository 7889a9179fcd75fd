package dev.opsh.cli;

import dev.opsh.ExitCode;
import dev.opsh.OpshException;
import dev.opsh.replay.EnvironmentPrompt;
import dev.opsh.replay.ReplayKeys;
import dev.opsh.replay.ReplayPlayer;
import dev.opsh.replay.TerminalKeys;
import dev.opsh.transcript.AsciicastWriter;
import dev.opsh.transcript.Playback;
import dev.opsh.transcript.PostmortemReport;
import dev.opsh.transcript.TranscriptEvent;
import dev.opsh.transcript.TranscriptReader;
import dev.opsh.transcript.TranscriptVerifier;
import dev.opsh.transcript.Verification;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code opsh replay FILE}: plays a session back as it looked, or writes its postmortem report or
 * an asciicast recording of it.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Play a session back as it looked: its coloured prompt, inputs and outputs.",
                "Keys: Space pauses and resumes, ] jumps to the next marker, q stops."})
public final class ReplayCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The transcript (.jsonl).")
    Path file;

    @Option(names = "--speed", paramLabel = "X", defaultValue = "1", description = "Play X times faster (default: ${DEFAULT-VALUE}).")
    double speed;

    @Option(names = "--max-idle", paramLabel = "S", description = "Shorten every pause to at most S seconds.")
    Double maxIdle;

    @Option(names = "--step", description = "Wait for Enter before each input and output.")
    boolean step;

    @Option(names = "--report", paramLabel = "FILE", arity = "0..1", fallbackValue = "-",
            description = "Write the Markdown postmortem timeline to FILE (standard output without FILE) instead of playing.")
    String report;

    @Option(names = "--asciicast", paramLabel = "FILE",
            description = "Write an asciicast v2 recording (for asciinema players) to FILE instead of playing.")
    Path asciicast;

    @Option(names = "--rerun", description = "Re-execute the session's inputs and show, step by step, whether each result is the one recorded. MUTATE and CHAOS steps are skipped.")
    boolean rerun;

    @Option(names = {"-i", "--inventory"}, paramLabel = "NAME", description = "With --rerun: the inventory to run against (default: the recorded one).")
    String inventory;

    @Option(names = "--with-mutations", description = "With --rerun: run MUTATE and CHAOS steps too, each under the normal guard.")
    boolean withMutations;

    @picocli.CommandLine.ParentCommand
    Main main;

    @Override
    public Integer call() {
        if ((inventory != null || withMutations) && !rerun) {
            throw new ParameterException(spec.commandLine(), "-i and --with-mutations go with --rerun");
        }
        if (speed <= 0 || (maxIdle != null && maxIdle < 0)) {
            throw new ParameterException(spec.commandLine(), "--speed must be more than 0 and --max-idle at least 0");
        }
        boolean playing = report == null && asciicast == null;
        if (playing && step && System.console() == null) {
            throw new ParameterException(spec.commandLine(), "--step needs an interactive terminal");
        }
        Verification verification = TranscriptVerifier.verify(file);
        if (verification.outcome() == Verification.Outcome.NOT_A_TRANSCRIPT) {
            throw new OpshException(ExitCode.USAGE, file + ": " + verification.describe());
        }
        if (!verification.intact()) {
            warn("WARNING: " + file + " does not verify: " + verification.describe());
        }
        if (rerun) {
            return rerun();
        }
        if (!playing) {
            writeFiles();
            return ExitCode.OK.code();
        }
        return play();
    }

    private int rerun() {
        TranscriptEvent.Header header;
        try (TranscriptReader reader = TranscriptReader.open(file)) {
            header = reader.header();
        }
        ShellOptions options = new ShellOptions();
        options.inventory = inventory != null ? inventory : header.inventory();
        options.output = dev.opsh.repl.OutputMode.TEXT;
        Sessions sessions = main.sessions();
        var target = sessions.inventory(options);
        var screen = main.screenForScripts(options);
        note("rerunning " + file.getFileName() + " (recorded on " + header.inventory() + ") against " + target.name()
                + (withMutations ? ", mutations under the guard" : ", mutations skipped"));
        try (dev.opsh.repl.Session session = sessions.open(target, screen, options, null, !withMutations)) {
            List<Rerun.Step> steps = new Rerun(session).run(TranscriptReader.readAll(file));
            Rerun.show(steps, screen);
            return steps.stream().anyMatch(s -> s.outcome().equals("differs")) ? ExitCode.FAILURE.code() : ExitCode.OK.code();
        }
    }

    private void writeFiles() {
        if (report != null) {
            String markdown = PostmortemReport.markdown(file);
            if (report.equals("-")) {
                spec.commandLine().getOut().print(markdown);
                spec.commandLine().getOut().flush();
            } else {
                write(Path.of(report), out -> out.write(markdown));
                note("report written to " + report);
            }
        }
        if (asciicast != null) {
            write(asciicast, out -> AsciicastWriter.write(file, out, EnvironmentPrompt::paint, idleLimit()));
            note("asciicast written to " + asciicast);
        }
    }

    private int play() {
        TranscriptEvent.Header header;
        try (TranscriptReader reader = TranscriptReader.open(file)) {
            header = reader.header();
        }
        var frames = Playback.frames(header, TranscriptReader.readAll(file));
        note("replaying " + header.environment() + " session of " + header.user() + "@" + header.host() + ", started "
                + header.start() + " (Space pause, ] next marker, q stop)");
        PrintWriter out = spec.commandLine().getOut();
        if (System.console() == null) {
            return finish(new ReplayPlayer(out, ReplayKeys.NONE, p -> EnvironmentPrompt.paint(header, p), pace()).play(frames));
        }
        try (Terminal terminal = TerminalBuilder.builder().system(true).build();
             TerminalKeys keys = new TerminalKeys(terminal)) {
            return finish(new ReplayPlayer(out, keys, p -> EnvironmentPrompt.paint(header, p), pace()).play(frames));
        } catch (IOException e) {
            throw new OpshException(ExitCode.FAILURE, "cannot use the terminal for the replay: " + e.getMessage(), e);
        }
    }

    private int finish(ReplayPlayer.Ending ending) {
        if (ending == ReplayPlayer.Ending.STOPPED) {
            spec.commandLine().getOut().println();
        }
        spec.commandLine().getOut().flush();
        note(ending == ReplayPlayer.Ending.FINISHED ? "end of replay" : "replay stopped");
        return ExitCode.OK.code();
    }

    private ReplayPlayer.Pace pace() {
        return new ReplayPlayer.Pace(speed, idleLimit(), step);
    }

    private Duration idleLimit() {
        return maxIdle == null ? null : Duration.ofMillis(Math.round(maxIdle * 1000));
    }

    private interface Body {
        void writeTo(Writer out) throws IOException;
    }

    private void write(Path target, Body body) {
        try (Writer out = Files.newBufferedWriter(target, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            body.writeTo(out);
        } catch (IOException e) {
            throw new OpshException(ExitCode.FAILURE, "cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    private void warn(String message) {
        PrintWriter err = spec.commandLine().getErr();
        err.println(Ansi.AUTO.string("@|bold,yellow " + escape(message) + "|@"));
        err.flush();
    }

    private void note(String message) {
        PrintWriter err = spec.commandLine().getErr();
        err.println(Ansi.AUTO.string("@|faint " + escape(message) + "|@"));
        err.flush();
    }

    private static String escape(String text) {
        return text.replace("|@", "| @");
    }
}
