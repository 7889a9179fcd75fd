package dev.opsh.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsh.transcript.AnsiText;
import dev.opsh.transcript.Frame;
import dev.opsh.transcript.Playback;
import dev.opsh.transcript.TranscriptEvent;
import dev.opsh.transcript.TranscriptReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayPlayerTest {
    @TempDir
    Path dir;

    private TranscriptEvent.Header header;
    private List<Frame> frames;
    private final StringWriter screen = new StringWriter();

    @BeforeEach
    void record() {
        Path file = RecordedSession.write(dir, "staging");
        try (TranscriptReader reader = TranscriptReader.open(file)) {
            header = reader.header();
        }
        frames = Playback.frames(header, TranscriptReader.readAll(file));
    }

    @Test
    void theReplayShowsExactlyWhatTheSessionShowed() {
        ReplayPlayer.Ending ending = play(new ScriptedKeys(), ReplayPlayer.Pace.ORIGINAL);

        String prompt = EnvironmentPrompt.paint(header, "staging> ");
        assertThat(ending).isEqualTo(ReplayPlayer.Ending.FINISHED);
        assertThat(screen.toString()).isEqualTo(prompt + "status()\n" + RecordedSession.STATUS_OUTPUT
                + prompt + "restart('redis')\n" + RecordedSession.RESTART_OUTPUT);
        assertThat(AnsiText.strip(screen.toString())).isEqualTo("staging> status()\nSERVICE   STATUS\npostgres  UP\nredis     DOWN\n"
                + "staging> restart('redis')\nredis restarted on redis-1 in 1.2s\n");
        assertThat(prompt).isNotEqualTo("staging> ").contains("staging>");
    }

    @Test
    void pausesKeepTheirRecordedLengthScaledBySpeedAndCappedByMaxIdle() {
        ScriptedKeys original = new ScriptedKeys();
        play(original, ReplayPlayer.Pace.ORIGINAL);
        assertThat(original.millis()).isEqualTo(13_300);

        ScriptedKeys doubled = new ScriptedKeys();
        play(doubled, new ReplayPlayer.Pace(2, null, false));
        assertThat(doubled.millis()).isEqualTo(6_650);

        ScriptedKeys capped = new ScriptedKeys();
        play(capped, new ReplayPlayer.Pace(1, Duration.ofSeconds(1), false));
        assertThat(capped.millis()).isEqualTo(1_000 + 200 + 1_000 + 1_000 + 1_000);
    }

    @Test
    void spacePausesAndResumes() {
        ScriptedKeys keys = new ScriptedKeys().press(500, ' ').press(3_500, ' ');

        play(keys, ReplayPlayer.Pace.ORIGINAL);

        assertThat(keys.allPressed()).isTrue();
        assertThat(keys.millis()).isEqualTo(13_300 + 3_000);
    }

    @Test
    void bracketShowsEverythingUpToTheNextMarkerAtOnce() {
        ScriptedKeys keys = new ScriptedKeys().press(100, ']');

        ReplayPlayer.Ending ending = play(keys, ReplayPlayer.Pace.ORIGINAL);

        assertThat(ending).isEqualTo(ReplayPlayer.Ending.FINISHED);
        assertThat(keys.millis()).isEqualTo(100 + 2_000 + 1_300);
        assertThat(AnsiText.strip(screen.toString())).contains("status()", "DOWN", "restart('redis')", "restarted");
    }

    @Test
    void stepModeWaitsForEnterBeforeEachInputAndOutput() {
        ScriptedKeys keys = new ScriptedKeys().press(60_000, '\r').press(60_010, '\n').press(60_020, 'x').press(60_030, '\r')
                .press(60_040, 'q');

        ReplayPlayer.Ending ending = play(keys, new ReplayPlayer.Pace(1, null, true));

        assertThat(ending).isEqualTo(ReplayPlayer.Ending.STOPPED);
        assertThat(AnsiText.strip(screen.toString())).isEqualTo("staging> status()\nSERVICE   STATUS\npostgres  UP\nredis     DOWN\n"
                + "staging> restart('redis')\n");
    }

    @Test
    void qStopsWhereItIs() {
        ScriptedKeys keys = new ScriptedKeys().press(1_600, 'q');

        ReplayPlayer.Ending ending = play(keys, ReplayPlayer.Pace.ORIGINAL);

        assertThat(ending).isEqualTo(ReplayPlayer.Ending.STOPPED);
        assertThat(AnsiText.strip(screen.toString())).isEqualTo("staging> status()\n");
    }

    private ReplayPlayer.Ending play(ScriptedKeys keys, ReplayPlayer.Pace pace) {
        screen.getBuffer().setLength(0);
        return new ReplayPlayer(new PrintWriter(screen), keys, p -> EnvironmentPrompt.paint(header, p), pace).play(frames);
    }
}
