package dev.opsh.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.io.BufferedOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Not a test: the numbers in docs/benchmarks.md, section "Transcript". Its name keeps it out of
 * {@code mvn test}; run it with
 * {@code mvn -B -o -q test -pl lib -Dtest=TranscriptBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 * Results go to lib/target/transcript-benchmark.md.
 */
@Tag("benchmark")
class TranscriptBenchmark {
    private static final int WARMUP = 1_000;
    private static final int MEASURED = 5_000;
    private static final int BIG = 100_000;
    private static final int RUNS = 5;

    @TempDir
    Path dir;

    @Test
    void measure() throws IOException {
        List<String> secrets = List.of("hunter2-prod-pg", "s3cr3t-redis", "guest-mq-pass", "k-9f8e7d", "tok_abcdef");
        Redactor redactor = new Redactor(() -> secrets);
        StringBuilder report = new StringBuilder();

        long[] append = appendLatencies(redactor);
        long[] encode = encodeLatencies(redactor);
        report.append("append, written and fsynced (").append(MEASURED).append(" events): median ")
                .append(micros(percentile(append, 50))).append(" us, p95 ").append(micros(percentile(append, 95)))
                .append(" us, p99 ").append(micros(percentile(append, 99))).append(" us\n");
        report.append("of which encoding, redaction and hashing: median ").append(micros(percentile(encode, 50)))
                .append(" us, p95 ").append(micros(percentile(encode, 95))).append(" us\n");

        Path big = bigTranscript(redactor);
        report.append(BIG).append("-event transcript: ").append(Files.size(big) / 1024 / 1024).append(" MiB\n");
        long[] verify = new long[RUNS];
        long[] markdown = new long[RUNS];
        for (int run = 0; run < RUNS; run++) {
            long start = System.nanoTime();
            Verification verification = TranscriptVerifier.verify(big);
            verify[run] = System.nanoTime() - start;
            assertThat(verification.intact()).as(verification.describe()).isTrue();
            start = System.nanoTime();
            String text = PostmortemReport.markdown(big);
            markdown[run] = System.nanoTime() - start;
            assertThat(text).contains("## Timeline");
        }
        report.append("verify: median ").append(millis(percentile(verify, 50))).append(" ms (runs: ").append(allMillis(verify)).append(")\n");
        report.append("--report: median ").append(millis(percentile(markdown, 50))).append(" ms (runs: ").append(allMillis(markdown)).append(")\n");

        Files.copy(big, Path.of("target", "big-transcript.jsonl"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Path out = Path.of("target", "transcript-benchmark.md");
        Files.writeString(out, report);
        System.out.print(report);
    }

    private long[] appendLatencies(Redactor redactor) {
        long[] nanos = new long[MEASURED];
        try (TranscriptWriter writer = TranscriptWriter.open(dir.resolve("append"), Sessions.info("staging"), redactor,
                Clock.systemUTC())) {
            for (int i = 0; i < WARMUP + MEASURED; i++) {
                TranscriptEvent event = event(i);
                long start = System.nanoTime();
                writer.append(event);
                long took = System.nanoTime() - start;
                if (i >= WARMUP) {
                    nanos[i - WARMUP] = took;
                }
            }
        }
        return nanos;
    }

    private static long[] encodeLatencies(Redactor redactor) {
        long[] nanos = new long[MEASURED];
        Instant at = Instant.now();
        for (int i = 0; i < WARMUP + MEASURED; i++) {
            TranscriptEvent event = event(i);
            long start = System.nanoTime();
            byte[] line = LineCodec.encode(i, i, at, LineCodec.ANCHOR, event, redactor);
            Sha256.hex(line);
            long took = System.nanoTime() - start;
            if (i >= WARMUP) {
                nanos[i - WARMUP] = took;
            }
        }
        return nanos;
    }

    /** The same bytes the writer produces (same encoder, same chain), without waiting for 100,000 fsyncs. */
    private Path bigTranscript(Redactor redactor) throws IOException {
        Path file = dir.resolve("big.jsonl");
        Instant start = Instant.parse("2026-11-23T06:00:00Z");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            String prev = LineCodec.ANCHOR;
            for (int seq = 0; seq < BIG; seq++) {
                TranscriptEvent event = seq == 0
                        ? new TranscriptEvent.Header(TranscriptEvent.FORMAT, TranscriptEvent.VERSION, java.util.UUID.randomUUID(),
                                "inventory/staging.yml", "staging", false, "alice", "bastion-1", "0.1.0", start, 120, 40)
                        : seq == BIG - 1 ? new TranscriptEvent.End(0) : event(seq);
                Instant at = start.plusMillis(seq * 250L);
                byte[] line = LineCodec.encode(seq, seq * 250L, at, prev, event, redactor);
                out.write(line);
                out.write('\n');
                prev = Sha256.hex(line);
            }
        }
        return file;
    }

    /** A mix like a real session: per command an input, a coloured table, its typed result; some remote commands, guards, markers. */
    private static TranscriptEvent event(int i) {
        return switch (i % 10) {
            case 0, 4, 7 -> new TranscriptEvent.Input("staging> ", "status('redis-" + i % 3 + "')");
            case 1, 5, 8 -> new TranscriptEvent.Output("\u001B[1mSERVICE   HOST      STATUS  LATENCY\u001B[0m\n"
                    + "postgres  db-1      \u001B[32mUP\u001B[0m      3ms\nredis     cache-1   \u001B[32mUP\u001B[0m      1ms\n"
                    + "rabbitmq  mq-1      \u001B[31mDOWN\u001B[0m    -\nconnected to postgresql://app:hunter2-prod-pg@db-1:5432/app\n");
            case 2, 6 -> TranscriptEvent.Result.of(List.of(new Sessions.Health("postgres", "UP", Duration.ofMillis(3)),
                    new Sessions.Health("redis", "UP", Duration.ofMillis(1)), new Sessions.Health("rabbitmq", "DOWN", null)));
            case 3 -> TranscriptEvent.Remote.of("db-1", "PGPASSWORD=hunter2-prod-pg psql -c 'select 1'", 0, Duration.ofMillis(41));
            case 9 -> i % 20 == 9 ? new TranscriptEvent.Marker("step " + i)
                    : new TranscriptEvent.Guard("restart redis on cache-1: systemctl restart redis-server", "confirmed",
                            "typed phrase matched", false);
            default -> throw new IllegalStateException();
        };
    }

    private static long percentile(long[] values, int p) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private static String micros(long nanos) {
        return String.format("%.1f", nanos / 1000.0);
    }

    private static String millis(long nanos) {
        return Long.toString(nanos / 1_000_000);
    }

    private static String allMillis(long[] nanos) {
        List<String> all = new ArrayList<>();
        for (long n : nanos) {
            all.add(millis(n));
        }
        return String.join(", ", all);
    }
}
