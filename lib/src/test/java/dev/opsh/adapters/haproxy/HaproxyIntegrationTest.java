package dev.opsh.adapters.haproxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opsh.OpshException;
import dev.opsh.adapters.InventoryEdits;
import dev.opsh.adapters.RecordingEvents;
import dev.opsh.dsl.OpsContext;
import dev.opsh.dsl.Provisioner;
import dev.opsh.engine.Evaluator;
import dev.opsh.inventory.Deadlines;
import dev.opsh.inventory.Inventory;
import dev.opsh.inventory.Secrets;
import dev.opsh.inventory.Service;
import dev.opsh.lab.LabExtension;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** haproxy.stats() against the lab's HAProxy, which fronts the lab's PostgreSQL. */
@ExtendWith(LabExtension.class)
class HaproxyIntegrationTest {
    @TempDir
    Path tmp;

    @SuppressWarnings("unchecked")
    private static List<HaproxyStat> stats(Inventory inventory, RecordingEvents events) {
        try (OpsContext context = new OpsContext(inventory, new Secrets(n -> null), events, Provisioner.NONE)) {
            return (List<HaproxyStat>) new Evaluator(context).evaluate("haproxy.stats()");
        }
    }

    private static HaproxyStat pg1(List<HaproxyStat> stats) {
        return stats.stream().filter(s -> s.server().equals("pg1")).findFirst().orElseThrow();
    }

    @Test
    void readsTheStatsSocketDirectlyOnALocalHost(Inventory lab) {
        RecordingEvents events = new RecordingEvents();
        List<HaproxyStat> stats = stats(lab, events);

        HaproxyStat pg1 = pg1(stats);
        assertThat(pg1.proxy()).isEqualTo("postgres");
        assertThat(pg1.type()).isEqualTo("server");
        assertThat(pg1.status()).isEqualTo("UP");
        assertThat(pg1.serving()).isTrue();
        assertThat(pg1.checkStatus()).isNotNull();
        assertThat(stats).extracting(HaproxyStat::type).contains("frontend", "backend", "server");
        assertThat(events.remote).isEmpty();
    }

    @Test
    void readsItThroughSocatOverSshOnARemoteHost(Inventory lab) {
        Inventory remote = InventoryEdits.withHost(lab, InventoryEdits.local(lab.host("lab"), false));
        RecordingEvents events = new RecordingEvents();

        List<HaproxyStat> stats = stats(remote, events);

        assertThat(pg1(stats).status()).isEqualTo("UP");
        assertThat(stats).hasSameSizeAs(stats(lab, new RecordingEvents()));
        assertThat(events.remote).singleElement().asString().contains("socat - UNIX-CONNECT:").endsWith(" 0");
    }

    @Test
    void aMissingSocketNamesTheServiceAndThePath(Inventory lab) {
        Path missing = tmp.resolve("stats.sock");
        Service stopped = InventoryEdits.settings(lab.service("haproxy"), s -> {
            s.put("statsSocket", missing.toString());
            return s;
        });

        assertThatThrownBy(() -> stats(InventoryEdits.withService(lab, stopped), new RecordingEvents()))
                .isInstanceOf(OpshException.class)
                .hasMessageContaining("haproxy 'haproxy' (lab:" + missing + ")")
                .hasMessageContaining("cannot ask 'show stat'");
    }

    @Test
    void aSocketThatNeverAnswersFailsWithinTheReadDeadline(Inventory lab) throws Exception {
        Path path = tmp.resolve("hung.sock");
        try (ServerSocketChannel hung = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            hung.bind(UnixDomainSocketAddress.of(path));
            Thread acceptor = new Thread(() -> {
                try (SocketChannel ignored = hung.accept()) {
                    Thread.sleep(30_000);
                } catch (Exception e) {
                    // The test is over.
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            Service service = InventoryEdits.deadlines(InventoryEdits.settings(lab.service("haproxy"), s -> {
                s.put("statsSocket", path.toString());
                return s;
            }), new Deadlines(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1)));
            long start = System.nanoTime();

            assertThatThrownBy(() -> stats(InventoryEdits.withService(lab, service), new RecordingEvents()))
                    .isInstanceOf(OpshException.class)
                    .hasMessageContaining("no complete answer to 'show stat' within 1s");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        }
    }
}
