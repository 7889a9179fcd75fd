package dev.opsh.transcript;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Sample sessions written through the real writer, for the tests. */
final class Sessions {
    static final Instant START = Instant.parse("2026-11-23T06:35:30Z");

    private Sessions() {}

    static SessionInfo info(String environment) {
        return new SessionInfo("inventory/" + environment + ".yml", environment, environment.startsWith("prod"),
                "alice", "bastion-1", "0.1.0", 120, 40);
    }

    /** A short session with one event of every type, ended; returns its file. */
    static Path everyType(Path dir) {
        TestClock clock = new TestClock(START);
        try (TranscriptWriter writer = TranscriptWriter.open(dir, info("staging"), Redactor.patternsOnly(), clock)) {
            clock.advance(1500);
            writer.append(new TranscriptEvent.Input("staging> ", "status()"));
            clock.advance(120);
            writer.append(new TranscriptEvent.Output("\u001B[1mSERVICE\u001B[0m  STATUS\npostgres UP\n"));
            writer.append(TranscriptEvent.Result.of(List.of(new Health("postgres", "UP", Duration.ofMillis(3)))));
            clock.advance(4000);
            writer.append(new TranscriptEvent.Marker("checked health"));
            writer.append(new TranscriptEvent.Input("staging> ", "restart('redis')"));
            clock.advance(300);
            writer.append(new TranscriptEvent.Guard("restart redis on redis-1: systemctl restart redis", "refused",
                    "CONFIRM_PROD is not set", false));
            writer.append(new TranscriptEvent.Failure("restart refused: CONFIRM_PROD is not set", "OpshException"));
            writer.append(new TranscriptEvent.Remote("redis-1", "systemctl is-active redis", 0, 42));
            writer.append(new TranscriptEvent.Output("error: restart refused\n"));
            clock.advance(50);
            writer.end(0);
            return writer.file();
        }
    }

    /** A session of {@code inputs} inputs, each with an output and a result, not ended. */
    static Path ofInputs(Path dir, String environment, int inputs, TestClock clock) {
        try (TranscriptWriter writer = TranscriptWriter.open(dir, info(environment), Redactor.patternsOnly(), clock)) {
            for (int i = 0; i < inputs; i++) {
                clock.advance(1000);
                writer.append(new TranscriptEvent.Input(environment + "> ", "ping(" + i + ")"));
                clock.advance(10);
                writer.append(new TranscriptEvent.Output("pong " + i + "\n"));
                writer.append(new TranscriptEvent.Result("Integer", JsonNodeFactory.instance.numberNode(i)));
            }
            return writer.file();
        }
    }

    static List<byte[]> lines(Path file) throws IOException {
        byte[] all = Files.readAllBytes(file);
        List<byte[]> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < all.length; i++) {
            if (all[i] == '\n') {
                lines.add(java.util.Arrays.copyOfRange(all, start, i + 1));
                start = i + 1;
            }
        }
        if (start < all.length) {
            lines.add(java.util.Arrays.copyOfRange(all, start, all.length));
        }
        return lines;
    }

    static void writeLines(Path file, List<byte[]> lines) throws IOException {
        try (var out = Files.newOutputStream(file)) {
            for (byte[] line : lines) {
                out.write(line);
            }
        }
    }

    /** A typed result like the adapters return. */
    record Health(String service, String status, Duration latency) {}
}
