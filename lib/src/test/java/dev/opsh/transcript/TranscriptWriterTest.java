package dev.opsh.transcript;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TranscriptWriterTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void everyEventReadsBackAsWritten() {
        Path file = Sessions.everyType(dir);

        List<Entry> entries = TranscriptReader.readAll(file);
        List<TranscriptEvent> events = entries.stream().map(Entry::event).toList();

        assertThat(events).containsExactly(
                new TranscriptEvent.Input("staging> ", "status()"),
                new TranscriptEvent.Output("\u001B[1mSERVICE\u001B[0m  STATUS\npostgres UP\n"),
                TranscriptEvent.Result.of(List.of(new Sessions.Health("postgres", "UP", Duration.ofMillis(3)))),
                new TranscriptEvent.Marker("checked health"),
                new TranscriptEvent.Input("staging> ", "restart('redis')"),
                new TranscriptEvent.Guard("restart redis on redis-1: systemctl restart redis", "refused",
                        "CONFIRM_PROD is not set", false),
                new TranscriptEvent.Failure("restart refused: CONFIRM_PROD is not set", "OpshException"),
                new TranscriptEvent.Remote("redis-1", "systemctl is-active redis", 0, 42),
                new TranscriptEvent.Output("error: restart refused\n"),
                new TranscriptEvent.End(0));
        assertThat(entries).extracting(Entry::seq).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
        assertThat(entries).extracting(Entry::t).containsExactly(1500L, 1620L, 1620L, 5620L, 5620L, 5920L, 5920L, 5920L, 5920L, 5970L);
        assertThat(entries.get(0).at()).isEqualTo(Instant.parse("2026-11-23T06:35:31.500Z"));
    }

    @Test
    void theHeaderDescribesTheSession() {
        Path file = Sessions.everyType(dir);

        try (TranscriptReader reader = TranscriptReader.open(file)) {
            TranscriptEvent.Header header = reader.header();
            assertThat(header.format()).isEqualTo("opsh-transcript");
            assertThat(header.version()).isEqualTo(1);
            assertThat(header.environment()).isEqualTo("staging");
            assertThat(header.inventory()).isEqualTo("inventory/staging.yml");
            assertThat(header.isProtected()).isFalse();
            assertThat(header.user()).isEqualTo("alice");
            assertThat(header.host()).isEqualTo("bastion-1");
            assertThat(header.opshVersion()).isEqualTo("0.1.0");
            assertThat(header.start()).isEqualTo(Sessions.START);
            assertThat(header.cols()).isEqualTo(120);
            assertThat(header.rows()).isEqualTo(40);
            assertThat(file.getFileName().toString()).isEqualTo("20261123T063530.000Z-staging-"
                    + header.session().toString().substring(0, 8) + ".jsonl");
        }
    }

    @Test
    void eachLineCarriesTheEnvelopeAndChainsToThePreviousLine() throws Exception {
        Path file = Sessions.everyType(dir);
        List<byte[]> lines = Sessions.lines(file);

        String previous = "0".repeat(64);
        for (int i = 0; i < lines.size(); i++) {
            byte[] line = Arrays.copyOf(lines.get(i), lines.get(i).length - 1);
            JsonNode json = JSON.readTree(line);
            assertThat(json.path("seq").asLong()).isEqualTo(i);
            assertThat(json.path("prev").asText()).isEqualTo(previous);
            assertThat(Instant.parse(json.path("at").asText())).isAfterOrEqualTo(Sessions.START);
            assertThat(json.fieldNames()).toIterable().startsWith("type", "seq", "t", "at", "prev").endsWith("hash");
            previous = Sha256.hex(line);
        }
        assertThat(new String(lines.get(0), StandardCharsets.UTF_8)).contains("\"protected\":false");
    }

    @Test
    void theFileIsReadableByItsOwnerOnly() throws Exception {
        Path nested = dir.resolve("state/opsh/transcripts");
        Path file = Sessions.ofInputs(nested, "lab", 1, new TestClock(Sessions.START));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(nested))).isEqualTo("rwx------");
    }

    @Test
    void whatTheScreenShowedBeforeTheHeaderWasWrittenFollowsItWithTheTimeItWasShown() {
        TestClock clock = new TestClock(Sessions.START);
        TranscriptWriter writer = TranscriptWriter.create(dir, Sessions.info("lab"), Redactor.patternsOnly(), clock);
        assertThat(writer.file()).isEmptyFile();

        clock.advance(40);
        writer.appendWhenReady(new TranscriptEvent.Output("opsh 0.1.0   lab\n"));
        clock.advance(300);
        writer.writeHeader();
        clock.advance(10);
        writer.append(new TranscriptEvent.Input("lab> ", "1 + 1"));
        writer.end(0);

        assertThat(TranscriptVerifier.verify(writer.file()).intact()).isTrue();
        List<Entry> entries = TranscriptReader.readAll(writer.file());
        assertThat(entries).extracting(Entry::event).containsExactly(new TranscriptEvent.Output("opsh 0.1.0   lab\n"),
                new TranscriptEvent.Input("lab> ", "1 + 1"), new TranscriptEvent.End(0));
        assertThat(entries).extracting(Entry::t).containsExactly(40L, 350L, 350L);
    }

    @Test
    void theFirstInputWritesAHeaderNobodyWroteYet() {
        TranscriptWriter writer = TranscriptWriter.create(dir, Sessions.info("lab"), Redactor.patternsOnly(), new TestClock(Sessions.START));
        writer.appendWhenReady(new TranscriptEvent.Output("header\n"));
        writer.append(new TranscriptEvent.Input("lab> ", "x"));
        writer.close();

        assertThat(TranscriptVerifier.verify(writer.file()).intact()).isTrue();
        assertThat(TranscriptReader.readAll(writer.file())).extracting(Entry::event)
                .containsExactly(new TranscriptEvent.Output("header\n"), new TranscriptEvent.Input("lab> ", "x"));
    }

    @Test
    void nothingIsAppendedAfterTheEnd() {
        TranscriptWriter writer = TranscriptWriter.open(dir, Sessions.info("lab"), Redactor.patternsOnly(), new TestClock(Sessions.START));
        writer.end(3);

        assertThatThrownBy(() -> writer.append(new TranscriptEvent.Marker("late"))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> writer.append(new TranscriptEvent.Header("x", 1, null, null, null, false, null, null, null,
                null, 0, 0))).isInstanceOf(IllegalArgumentException.class);
        writer.close();
        assertThat(TranscriptVerifier.verify(writer.file()).ended()).isTrue();
        assertThat(TranscriptReader.readAll(writer.file())).extracting(Entry::event).containsExactly(new TranscriptEvent.End(3));
    }

    @Test
    void threadsAppendingAtOnceKeepOneUnbrokenChain() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try (TranscriptWriter writer = TranscriptWriter.open(dir, Sessions.info("lab"), Redactor.patternsOnly(),
                java.time.Clock.systemUTC())) {
            for (int thread = 0; thread < 4; thread++) {
                int id = thread;
                pool.submit(() -> {
                    for (int i = 0; i < 50; i++) {
                        writer.append(TranscriptEvent.Remote.of("host-" + id, "uptime " + i, 0, Duration.ofMillis(i)));
                    }
                });
            }
            pool.shutdown();
            assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
            writer.end(0);

            Verification verification = TranscriptVerifier.verify(writer.file());
            assertThat(verification.intact()).as(verification.describe()).isTrue();
            List<Entry> entries = TranscriptReader.readAll(writer.file());
            assertThat(entries).hasSize(201);
            Map<String, Long> perHost = entries.stream().map(Entry::event)
                    .filter(TranscriptEvent.Remote.class::isInstance).map(e -> ((TranscriptEvent.Remote) e).host())
                    .collect(Collectors.groupingBy(h -> h, Collectors.counting()));
            assertThat(perHost).containsOnly(Map.entry("host-0", 50L), Map.entry("host-1", 50L),
                    Map.entry("host-2", 50L), Map.entry("host-3", 50L));
        }
    }

    @Test
    void aChaosOutcomeIsMarkedInItsResult() {
        Instant down = Instant.parse("2026-11-23T07:00:01Z");
        TranscriptEvent.Result result = TranscriptEvent.Result.of(
                new Kill("redis", "kill", "down 2.5s, then PONG", down, down.plusMillis(2500), Duration.ofMillis(2500)));

        assertThat(result.valueType()).isEqualTo("Kill");
        assertThat(result.value().path("kind").asText()).isEqualTo("chaos");
        assertThat(result.value().path("target").asText()).isEqualTo("redis");
        assertThat(result.value().path("downAt").asText()).isEqualTo("2026-11-23T07:00:01Z");
        assertThat(result.value().path("timeToRecover").asText()).isEqualTo("PT2.5S");
    }

    @Test
    void aResultThatIsNotPlainDataIsRecordedByItsText() {
        Object client = new Object() {
            @Override
            public String toString() {
                return "RedisClient(redis-1:6379)";
            }

            public String getPing() {
                throw new AssertionError("recording a result must not call getters of a client");
            }
        };

        assertThat(TranscriptEvent.Result.of(client).value().asText()).isEqualTo("RedisClient(redis-1:6379)");
        assertThat(TranscriptEvent.Result.of(null).value().isNull()).isTrue();
        assertThat(TranscriptEvent.Result.of(java.util.Optional.of(7)).value().asInt()).isEqualTo(7);
    }

    @Test
    void noEventTypeUsesAFieldOfTheEnvelope() {
        Set<String> envelope = Set.of("type", "seq", "t", "at", "prev", "hash");
        List<String> clashes = new ArrayList<>();
        for (JsonSubTypes.Type type : TranscriptEvent.class.getAnnotation(JsonSubTypes.class).value()) {
            JsonNode json = JSON.valueToTree(java.util.Arrays.stream(type.value().getRecordComponents())
                    .map(c -> c.getName()).toList());
            json.forEach(name -> {
                if (envelope.contains(name.asText())) {
                    clashes.add(type.name() + "." + name.asText());
                }
            });
            assertThat(type.value().getInterfaces()).contains(TranscriptEvent.class);
        }
        assertThat(clashes).isEmpty();
        assertThat(TranscriptEvent.class.getPermittedSubclasses())
                .hasSize(TranscriptEvent.class.getAnnotation(JsonSubTypes.class).value().length);
    }

    @Test
    void theDirectoryFollowsTheEnvironment() {
        Map<String, String> env = new java.util.HashMap<>();
        assertThat(TranscriptLocation.directory(env::get, "/home/al")).isEqualTo(Path.of("/home/al/.local/state/opsh/transcripts"));
        env.put("XDG_STATE_HOME", "/var/state");
        assertThat(TranscriptLocation.directory(env::get, "/home/al")).isEqualTo(Path.of("/var/state/opsh/transcripts"));
        env.put("OPSH_TRANSCRIPT_DIR", "/srv/records");
        assertThat(TranscriptLocation.directory(env::get, "/home/al")).isEqualTo(Path.of("/srv/records"));
    }

    /** Shaped like the guard's chaos result. */
    record Kill(String target, String action, String observed, Instant downAt, Instant recoveredAt,
                Duration timeToRecover) implements ChaosOutcome {}

    @Test
    void anInterruptedThreadStillRecords() throws Exception {
        // Ctrl-C interrupts the evaluation thread, which then records the refusal and what follows.
        try (TranscriptWriter writer = TranscriptWriter.open(dir, Sessions.info("lab"), Redactor.patternsOnly(),
                new TestClock(Sessions.START))) {
            Thread.currentThread().interrupt();
            try {
                writer.append(new TranscriptEvent.Output("refused: interrupted while waiting for the phrase"));
            } finally {
                Thread.interrupted();
            }
            writer.append(new TranscriptEvent.Output("the session goes on"));
            writer.end(0);
            assertThat(TranscriptVerifier.verify(writer.file()).intact()).isTrue();
        }
    }
}
