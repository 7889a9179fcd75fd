package dev.opsh.adapters.pgbackrest;

import static dev.opsh.adapters.pgbackrest.PgBackRestInfoParserTest.sample;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BackupAgeTest {
    private static final Instant INCR_STOP = Instant.ofEpochSecond(1795415691);
    private static final Instant FULL_STOP = Instant.ofEpochSecond(1795415689);

    private static StanzaInfo info(String sample) {
        return PgBackRestInfoParser.parse(sample(sample), "main", "pgbackrest info on localhost");
    }

    @Test
    void runsFromTheStopOfTheNewestBackup() {
        BackupAge age = BackupAge.of(info("two-backups.json"), INCR_STOP.plusSeconds(3600), "here");

        assertThat(age.age()).isEqualTo(Duration.ofHours(1));
        assertThat(age.basedOn().type()).isEqualTo("incr");
        assertThat(age.newerInError()).isEmpty();
    }

    @Test
    void skipsNewerBackupsInErrorAndNamesThem() {
        BackupAge age = BackupAge.of(info("newest-in-error.json"), INCR_STOP.plusSeconds(60), "here");

        assertThat(age.age()).isEqualTo(Duration.between(FULL_STOP, INCR_STOP.plusSeconds(60)));
        assertThat(age.basedOn().type()).isEqualTo("full");
        assertThat(age.newerInError()).extracting(Backup::label).containsExactly("20261123-063444F_20261123-063449I");
    }

    @Test
    void noSuccessfulBackupIsAnError() {
        assertThatThrownBy(() -> BackupAge.of(info("all-in-error.json"), INCR_STOP, "pgbackrest info on localhost"))
                .hasMessage("stanza 'main' has no successful backup: all 2 backups listed by pgbackrest info on localhost"
                        + " are marked in error");
    }
}
