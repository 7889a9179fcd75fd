package dev.opsh.adapters.pgbackrest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opsh.OpshException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PgBackRestInfoParserTest {
    private static final String SOURCE = "pgbackrest info on db1";

    static String sample(String name) {
        try (InputStream in = PgBackRestInfoParserTest.class.getResourceAsStream("/pgbackrest/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void readsEveryBackupOfTheStanza() {
        StanzaInfo info = PgBackRestInfoParser.parse(sample("two-backups.json"), "main", SOURCE);

        assertThat(info.statusCode()).isZero();
        assertThat(info.statusMessage()).isEqualTo("ok");
        assertThat(info.repoMessages()).isEmpty();
        assertThat(info.backups()).containsExactly(
                new Backup("main", "20261123-063444F", "full", Instant.ofEpochSecond(1795415684),
                        Instant.ofEpochSecond(1795415689), 23209024, 4546622, false),
                new Backup("main", "20261123-063444F_20261123-063449I", "incr", Instant.ofEpochSecond(1795415689),
                        Instant.ofEpochSecond(1795415691), 23209023, 4546620, false));
        assertThat(info.newest()).map(Backup::type).contains("incr");
    }

    @Test
    void picksTheStanzaAskedForFromTheListOfAll() {
        assertThat(PgBackRestInfoParser.parse(sample("all-stanzas.json"), "main", SOURCE).backups()).hasSize(2);
    }

    @Test
    void keepsTheStatusOfAMissingStanza() {
        StanzaInfo info = PgBackRestInfoParser.parse(sample("missing-stanza.json"), "nope", SOURCE);

        assertThat(info.statusCode()).isEqualTo(StanzaInfo.MISSING_STANZA_PATH);
        assertThat(info.statusMessage()).isEqualTo("missing stanza path");
        assertThat(info.repoMessages()).containsExactly("repo1: missing stanza path");
        assertThat(info.backups()).isEmpty();
    }

    @Test
    void keepsTheRepositoryMessageBehindStatusOther() {
        StanzaInfo info = PgBackRestInfoParser.parse(sample("repo-unreadable.json"), "main", SOURCE);

        assertThat(info.statusCode()).isEqualTo(99);
        assertThat(info.repoMessages()).singleElement().asString().startsWith("repo1: [PathOpenError]")
                .contains("Permission denied");
    }

    @Test
    void readsTheErrorFlag() {
        StanzaInfo info = PgBackRestInfoParser.parse(sample("newest-in-error.json"), "main", SOURCE);

        assertThat(info.backups()).extracting(Backup::error).containsExactly(false, true);
        assertThat(info.newestSuccessful()).map(Backup::type).contains("full");
    }

    @Test
    void aStanzaThatIsNotListedIsAnError() {
        assertThatThrownBy(() -> PgBackRestInfoParser.parse(sample("two-backups.json"), "other", SOURCE))
                .isInstanceOf(OpshException.class)
                .hasMessage("pgbackrest info on db1 does not list stanza 'other'");
        assertThatThrownBy(() -> PgBackRestInfoParser.parse("[]", "main", SOURCE))
                .hasMessage("pgbackrest info on db1 does not list stanza 'main' (it lists no stanza at all)");
    }

    @Test
    void truncatedJsonIsMalformed() {
        assertThatThrownBy(() -> PgBackRestInfoParser.parse(sample("truncated.json"), "main", SOURCE))
                .isInstanceOf(OpshException.class)
                .hasMessageStartingWith("pgbackrest info on db1 printed malformed JSON: ")
                .hasMessageContaining("output began: [{\"archive\"");
    }

    @Test
    void otherShapesAreMalformed() {
        assertThatThrownBy(() -> PgBackRestInfoParser.parse("{\"name\":\"main\"}", "main", SOURCE))
                .hasMessageContaining("malformed JSON: expected a JSON array of stanzas");
        assertThatThrownBy(() -> PgBackRestInfoParser.parse("[{\"name\":\"main\"}]", "main", SOURCE))
                .hasMessageContaining("stanza 'main' has no status.code");
        assertThatThrownBy(() -> PgBackRestInfoParser.parse(
                "[{\"name\":\"main\",\"status\":{\"code\":0},\"backup\":[{\"label\":\"x\"}]}]", "main", SOURCE))
                .hasMessageContaining("lacks label, timestamp.start/stop");
        assertThatThrownBy(() -> PgBackRestInfoParser.parse("  \n", "main", SOURCE))
                .hasMessage("pgbackrest info on db1 printed nothing; expected JSON");
        assertThatThrownBy(() -> PgBackRestInfoParser.parse("WARN: something\n[]", "main", SOURCE))
                .hasMessageContaining("malformed JSON");
    }
}
