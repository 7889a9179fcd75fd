package dev.opsh.adapters.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PGInterval;

class SqlValuesTest {
    @Test
    void dslArgumentsBecomeJdbcParameters() {
        StringBuilder groovyLikeString = new StringBuilder("uploading");
        assertThat(SqlValues.toJdbc(groovyLikeString)).isEqualTo("uploading");
        assertThat(SqlValues.toJdbc(Instant.parse("2026-11-23T06:00:00Z")))
                .isEqualTo(OffsetDateTime.of(2026, 11, 23, 6, 0, 0, 0, ZoneOffset.UTC));
        assertThat(SqlValues.toJdbc(Duration.ofMinutes(90))).isEqualTo(new PGInterval(0, 0, 0, 0, 0, 5400.0));
        assertThat(SqlValues.toJdbc(42)).isEqualTo(42);
        assertThat(SqlValues.toJdbc(null)).isNull();
    }

    @Test
    void intervalsWithoutMonthsAreDurations() throws SQLException {
        assertThat(SqlValues.duration(new PGInterval("1 day 02:03:04.5"))).isEqualTo(Duration.parse("PT26H3M4.5S"));
        assertThat(SqlValues.duration(new PGInterval("00:10:00"))).isEqualTo(Duration.ofMinutes(10));
        assertThat(SqlValues.duration(new PGInterval("-00:00:30"))).isEqualTo(Duration.ofSeconds(-30));
    }

    @Test
    void intervalsWithMonthsStayText() throws SQLException {
        assertThat(SqlValues.duration(new PGInterval("1 mon 2 days"))).isInstanceOf(String.class);
    }

    @Test
    void repeatedColumnNamesGetSuffixes() {
        assertThat(SqlRowsReader.uniqueNames(List.of("id", "status", "id", "id", "id_2")))
                .containsExactly("id", "status", "id_2", "id_3", "id_2_2");
    }
}
