package dev.opsh.adapters.haproxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatsCsvTest {
    private static String sample(String name) throws IOException {
        try (InputStream in = StatsCsvTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void readsFrontendsBackendsAndServersByColumnName() throws IOException {
        List<HaproxyStat> stats = StatsCsv.parse(sample("show-stat-2.6.csv"));

        assertThat(stats).extracting(HaproxyStat::proxy, HaproxyStat::server, HaproxyStat::type).containsExactly(
                org.assertj.core.groups.Tuple.tuple("fe", "FRONTEND", "frontend"),
                org.assertj.core.groups.Tuple.tuple("be", "s1", "server"),
                org.assertj.core.groups.Tuple.tuple("be", "s2", "server"),
                org.assertj.core.groups.Tuple.tuple("be", "BACKEND", "backend"));
    }

    @Test
    void aDownServerCarriesItsCheckResult() throws IOException {
        HaproxyStat s1 = StatsCsv.parse(sample("show-stat-2.6.csv")).get(1);

        assertThat(s1.status()).isEqualTo("DOWN");
        assertThat(s1.serving()).isFalse();
        assertThat(s1.checkStatus()).isEqualTo("L7RSP");
        assertThat(s1.checkCode()).isNull();
        assertThat(s1.checkDuration()).isEqualTo(Duration.ofMillis(10));
        assertThat(s1.checkDescription()).isEqualTo("Layer7 invalid response");
        assertThat(s1.weight()).isEqualTo(1);
        assertThat(s1.address()).isEqualTo("127.0.0.1:53821");
        assertThat(s1.lastStatusChange()).isEqualTo(Duration.ofSeconds(795));
        assertThat(s1.downtime()).isEqualTo(Duration.ofSeconds(795));
    }

    @Test
    void anUpServerHasItsCheckCodeAndAFrontendHasNoCheck() throws IOException {
        List<HaproxyStat> stats = StatsCsv.parse(sample("show-stat-2.6.csv"));
        HaproxyStat s2 = stats.get(2);
        HaproxyStat frontend = stats.get(0);

        assertThat(s2.status()).isEqualTo("UP");
        assertThat(s2.serving()).isTrue();
        assertThat(s2.checkStatus()).isEqualTo("L7OK");
        assertThat(s2.checkCode()).isEqualTo(200);
        assertThat(s2.checkDuration()).isEqualTo(Duration.ZERO);
        assertThat(frontend.status()).isEqualTo("OPEN");
        assertThat(frontend.checkStatus()).isNull();
        assertThat(frontend.checkDuration()).isNull();
        assertThat(frontend.sessionLimit()).isEqualTo(9985L);
        assertThat(frontend.currentSessions()).isZero();
    }

    @Test
    void statusesWhileChecksRiseOrFallCountAsTheyServe() {
        assertThat(stat("UP 1/3").serving()).isTrue();
        assertThat(stat("DOWN 1/2").serving()).isFalse();
        assertThat(stat("MAINT").serving()).isFalse();
        assertThat(stat("no check").serving()).isTrue();
    }

    private static HaproxyStat stat(String status) {
        return new HaproxyStat("be", "s", "server", status, 1, null, null, null, null, null, null, 0, 0, null, 0, 0, null);
    }

    @Test
    void columnsAreFoundByNameWhateverTheirOrder() throws IOException {
        String csv = "# svname,status,pxname,scur\nweb1,UP,app,12\n";

        HaproxyStat row = StatsCsv.parse(csv).get(0);

        assertThat(row.proxy()).isEqualTo("app");
        assertThat(row.server()).isEqualTo("web1");
        assertThat(row.currentSessions()).isEqualTo(12);
        assertThat(row.type()).isNull();
    }

    @Test
    void anAnswerWithoutHeaderIsRefused() {
        assertThatThrownBy(() -> StatsCsv.parse("Unknown command: 'show stats'\n"))
                .isInstanceOf(IOException.class).hasMessageContaining("no '# pxname,svname,...' header")
                .hasMessageContaining("Unknown command");
        assertThatThrownBy(() -> StatsCsv.parse("")).isInstanceOf(IOException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> StatsCsv.parse("# pxname,scur\nfe,1\n"))
                .isInstanceOf(IOException.class).hasMessageContaining("'svname'");
    }

    @Test
    void showInfoGivesTheVersion() throws IOException {
        assertThat(HaproxyHealthCheck.version(sample("show-info-2.6.txt"))).isEqualTo("2.6.12-1+deb12u4");
        assertThat(HaproxyHealthCheck.version("Name: HAProxy\n")).isNull();
    }
}
