package dev.opsh.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsh.OpshException;
import dev.opsh.ExitCode;
import dev.opsh.inventory.Location;
import dev.opsh.inventory.SecretRef;
import dev.opsh.inventory.Secrets;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Canary secrets go through every event type and must never reach the file. */
class CanaryTest {
    private static final String ENV_CANARY = "canary-env-7f3a9c";
    private static final String FILE_CANARY = "canary-file-51be20";
    private static final String URL_CANARY = "canary-url-a4d0e1";
    private static final String HEADER_CANARY = "Y2FuYXJ5OmhlYWRlcg==";
    private static final long NUMBER_CANARY = 982451653L;
    private static final String FIELD_CANARY = "canary-field-0c1d2e";

    @TempDir
    Path dir;

    @Test
    void noCanaryReachesTheTranscript() throws Exception {
        Path secretFile = Files.writeString(dir.resolve("pg-password"), FILE_CANARY + "\n");
        Map<String, String> env = Map.of("PGPASSWORD_LAB", ENV_CANARY, "PIN", Long.toString(NUMBER_CANARY));
        Secrets secrets = new Secrets(env::get);
        Path transcripts = dir.resolve("transcripts");
        TranscriptWriter writer = TranscriptWriter.open(transcripts, Sessions.info("prod-eu"), Redactor.of(secrets),
                new TestClock(Sessions.START));
        writer.append(new TranscriptEvent.Output("before any secret is resolved"));

        String fromEnv = secrets.resolve(new SecretRef("env:PGPASSWORD_LAB", new Location(Path.of("inventory/prod.yml"), 12, 5)));
        String fromFile = secrets.resolve(new SecretRef("file:" + secretFile, new Location(Path.of("inventory/prod.yml"), 20, 5)));
        secrets.resolve(new SecretRef("env:PIN", new Location(Path.of("inventory/prod.yml"), 30, 5)));

        writer.append(new TranscriptEvent.Input("prod-eu> ", "sql('select 1', password: '" + fromEnv + "')"));
        writer.append(new TranscriptEvent.Output("connected with " + fromFile + " to postgresql://app:" + URL_CANARY + "@db-1/app\n"));
        writer.append(TranscriptEvent.Result.of(Map.of("password", fromEnv, fromFile, "as a key", "pin", NUMBER_CANARY,
                "nested", List.of(Map.of("dsn", "amqp://ops:" + URL_CANARY + "@mq-1:5672/")))));
        writer.append(TranscriptEvent.Result.of(new Credentials("mq-admin", FIELD_CANARY)));
        writer.append(TranscriptEvent.Failure.of(new OpshException(ExitCode.FAILURE,
                "postgres db-1:5432 refused password " + fromEnv)));
        writer.append(new TranscriptEvent.Guard("curl -H 'Authorization: Basic " + HEADER_CANARY + "' http://mq-1:15672/api",
                "confirmed", "typed phrase matched", false));
        writer.append(TranscriptEvent.Remote.of("db-1", "PGPASSWORD=" + fromFile + " pg_dump app", 0, Duration.ofSeconds(2)));
        writer.append(new TranscriptEvent.Marker("rotated " + fromEnv));
        writer.end(0);
        writer.close();

        String written = Files.readString(writer.file(), StandardCharsets.UTF_8);
        assertThat(written).doesNotContain(ENV_CANARY, FILE_CANARY, URL_CANARY, HEADER_CANARY, Long.toString(NUMBER_CANARY),
                FIELD_CANARY);
        assertThat(written).contains("\"user\":\"mq-admin\"");
        assertThat(written).contains("***");
        assertThat(TranscriptVerifier.verify(writer.file()).intact()).isTrue();
        try (var files = Files.list(transcripts)) {
            for (Path file : files.toList()) {
                assertThat(Files.readString(file)).doesNotContain(ENV_CANARY, FILE_CANARY, URL_CANARY, HEADER_CANARY);
            }
        }
    }

    /** A result that carries a password opsh did not resolve itself. */
    record Credentials(String user, String password) {}
}
