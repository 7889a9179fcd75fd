package dev.opsh.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RedactorTest {
    private final List<String> secrets = new ArrayList<>();
    private final Redactor redactor = new Redactor(() -> secrets);

    @Test
    void secretsAreMaskedByValueIncludingOnesResolvedLater() {
        assertThat(redactor.redact("AUTH s3cr3t-value")).isEqualTo("AUTH s3cr3t-value");
        secrets.add("s3cr3t-value");
        secrets.add("p@ss word");

        assertThat(redactor.redact("AUTH s3cr3t-value; again s3cr3t-value")).isEqualTo("AUTH ***; again ***");
        assertThat(redactor.redact("amqp://guest:p%40ss+word@mq:5672/")).isEqualTo("amqp://guest:***@mq:5672/");
        assertThat(redactor.isSecret("s3cr3t-value")).isTrue();
        assertThat(redactor.isSecret("other")).isFalse();
    }

    @Test
    void aLongerSecretIsMaskedWholeEvenIfAShorterOneIsInsideIt() {
        secrets.add("abc");
        secrets.add("xxabcxx");

        assertThat(redactor.redact("token xxabcxx and abc")).isEqualTo("token *** and ***");
    }

    @Test
    void passwordsInUrlsAreMasked() {
        assertThat(redactor.redact("connecting to postgresql://app:hunter2@db-1:5432/orders"))
                .isEqualTo("connecting to postgresql://app:***@db-1:5432/orders");
        assertThat(redactor.redact("redis://:hunter2@cache:6379 and https://example.com/a:b@c"))
                .isEqualTo("redis://:***@cache:6379 and https://example.com/a:b@c");
        assertThat(redactor.redact("http://user@host/ stays")).isEqualTo("http://user@host/ stays");
    }

    @Test
    void authorizationHeadersAreMasked() {
        assertThat(redactor.redact("Authorization: Basic Z3Vlc3Q6Z3Vlc3Q=")).isEqualTo("Authorization: Basic ***");
        assertThat(redactor.redact("curl -H 'authorization: Bearer eyJhbGciOi.x.y' http://api"))
                .isEqualTo("curl -H 'authorization: Bearer ***' http://api");
        assertThat(redactor.redact("{\"Authorization\": \"Bearer abc123\"}")).isEqualTo("{\"Authorization\": \"Bearer ***\"}");
        assertThat(redactor.redact("Proxy-Authorization: opaque-token")).isEqualTo("Proxy-Authorization: ***");
    }

    @Test
    void passwordSettingsAreMasked() {
        assertThat(redactor.redact("PGPASSWORD=hunter2 psql -h db")).isEqualTo("PGPASSWORD=*** psql -h db");
        assertThat(redactor.redact("password: hunter2\nuser: app")).isEqualTo("password: ***\nuser: app");
        assertThat(redactor.redact("jdbc:postgresql://db/app?user=app&password=hunter2&ssl=true"))
                .isEqualTo("jdbc:postgresql://db/app?user=app&password=***&ssl=true");
        assertThat(redactor.redact("db.password = \"two words\"")).isEqualTo("db.password = \"***\"");
        assertThat(redactor.redact("requirepass hunter2")).isEqualTo("requirepass ***");
        assertThat(redactor.redact("rabbitmqctl change_password --password hunter2")).isEqualTo("rabbitmqctl change_password --password ***");
        assertThat(redactor.redact("REDIS_TOKEN=abc; api_key: k-123")).isEqualTo("REDIS_TOKEN=***; api_key: ***");
    }

    @Test
    void referencesToSecretsAndPlainWordsStay() {
        assertThat(redactor.redact("password: env:PGPASSWORD")).isEqualTo("password: env:PGPASSWORD");
        assertThat(redactor.redact("password: file:/etc/opsh/pg")).isEqualTo("password: file:/etc/opsh/pg");
        assertThat(redactor.redact("passwords: 3 rotated, tokens=5")).isEqualTo("passwords: 3 rotated, tokens=5");
        assertThat(redactor.redact("Password:")).isEqualTo("Password:");
        assertThat(redactor.redact(null)).isNull();
    }

    @Test
    void aValueUnderACredentialsNameIsMaskedWhole() {
        assertThat(redactor.redactField("password", "two words; and more")).isEqualTo("***");
        assertThat(redactor.redactField("PGPASSWORD", "x")).isEqualTo("***");
        assertThat(redactor.redactField("apiKey", "k-1")).isEqualTo("***");
        assertThat(redactor.redactField("Authorization", "Bearer abc")).isEqualTo("***");
        assertThat(redactor.redactField("password", "env:PGPASSWORD")).isEqualTo("env:PGPASSWORD");
        assertThat(redactor.redactField("passwordSet", "true")).isEqualTo("true");
        assertThat(redactor.redactField("host", "db-1")).isEqualTo("db-1");
    }

    @Test
    void coloursAroundAMaskedValueSurvive() {
        assertThat(redactor.redact("\u001B[33mpassword=hunter2\u001B[0m done"))
                .isEqualTo("\u001B[33mpassword=***\u001B[0m done");
    }
}
