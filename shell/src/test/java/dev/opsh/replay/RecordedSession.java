package dev.opsh.replay;

import dev.opsh.transcript.Redactor;
import dev.opsh.transcript.SessionInfo;
import dev.opsh.transcript.TestClock;
import dev.opsh.transcript.TranscriptEvent;
import dev.opsh.transcript.TranscriptWriter;
import java.nio.file.Path;
import java.time.Instant;

/** A staging session recorded through the real writer: what the REPL showed, with its timing. */
public final class RecordedSession {
    public static final Instant START = Instant.parse("2026-11-23T06:35:30Z");
    /** The outputs as the REPL printed them, colours included. */
    public static final String STATUS_OUTPUT = "\u001B[1mSERVICE   STATUS\u001B[0m\npostgres  \u001B[32mUP\u001B[0m\nredis     \u001B[31mDOWN\u001B[0m\n";
    public static final String RESTART_OUTPUT = "redis restarted on redis-1 in 1.2s\n";

    private RecordedSession() {}

    /**
     * Writes the session: input at 1.5 s, its output 0.2 s later, a marker at 10 s, a second input
     * at 12 s and its output 1.3 s later; ended.
     */
    public static Path write(Path dir, String environment) {
        TestClock clock = new TestClock(START);
        SessionInfo info = new SessionInfo("inventory/" + environment + ".yml", environment, environment.equals("prod"),
                "alice", "bastion-1", "0.1.0", 100, 30);
        try (TranscriptWriter writer = TranscriptWriter.open(dir, info, Redactor.patternsOnly(), clock)) {
            clock.advance(1500);
            writer.append(new TranscriptEvent.Input(environment + "> ", "status()"));
            clock.advance(200);
            writer.append(new TranscriptEvent.Output(STATUS_OUTPUT));
            clock.advance(8300);
            writer.append(new TranscriptEvent.Marker("redis is down"));
            clock.advance(2000);
            writer.append(new TranscriptEvent.Input(environment + "> ", "restart('redis')"));
            clock.advance(1300);
            writer.append(new TranscriptEvent.Output(RESTART_OUTPUT));
            writer.end(0);
            return writer.file();
        }
    }
}
