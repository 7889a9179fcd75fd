package dev.opsh.transcript;

import java.nio.file.Path;
import java.time.Clock;

/**
 * Run in a separate JVM by {@link DurabilityTest}: appends events forever and prints the sequence
 * number of each one {@code append} returned for, until it is killed.
 */
public final class AppendUntilKilled {
    private AppendUntilKilled() {}

    public static void main(String[] args) {
        TranscriptWriter writer = TranscriptWriter.open(Path.of(args[0]), Sessions.info("lab"), Redactor.patternsOnly(),
                Clock.systemUTC());
        System.out.println("file " + writer.file());
        System.out.flush();
        String padding = "x".repeat(300);
        for (long i = 0; ; i++) {
            long seq = writer.append(new TranscriptEvent.Output("event " + i + " " + padding + "\n"));
            System.out.println("acked " + seq);
            System.out.flush();
        }
    }
}
