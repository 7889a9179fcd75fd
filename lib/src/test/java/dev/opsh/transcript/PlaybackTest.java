package dev.opsh.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlaybackTest {
    @TempDir
    Path dir;

    @Test
    void theFramesShowWhatTheOperatorSawInTimeOrder() {
        Path file = Sessions.everyType(dir);
        List<Frame> frames;
        try (TranscriptReader reader = TranscriptReader.open(file)) {
            frames = Playback.frames(reader.header(), TranscriptReader.readAll(file));
        }

        String screen = frames.stream().filter(f -> f.kind() != Frame.Kind.MARKER).map(Frame::text).collect(Collectors.joining());
        assertThat(screen).isEqualTo("staging> status()\n\u001B[1mSERVICE\u001B[0m  STATUS\npostgres UP\n"
                + "staging> restart('redis')\nerror: restart refused\n");
        assertThat(frames).extracting(Frame::t).isSorted();
        assertThat(frames).filteredOn(f -> f.kind() == Frame.Kind.MARKER).extracting(Frame::text).containsExactly("checked health");
    }

    @Test
    void anInputWithoutItsPromptGetsTheEnvironmentsPrompt() {
        TranscriptEvent.Header header = new TranscriptEvent.Header("opsh-transcript", 1, null, "i", "prod", true, "u", "h",
                "0.1.0", Sessions.START, 80, 24);
        assertThat(Playback.promptOf(header, new TranscriptEvent.Input(null, "x"))).isEqualTo("prod> ");
    }
}
