package dev.opsh.adapters.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opsh.OpshException;
import dev.opsh.adapters.Blackhole;
import dev.opsh.adapters.CommandResult;
import dev.opsh.adapters.CtrlC;
import dev.opsh.adapters.InventoryEdits;
import dev.opsh.adapters.RecordingEvents;
import dev.opsh.dsl.InFlight;
import dev.opsh.dsl.OpsContext;
import dev.opsh.dsl.Provisioner;
import dev.opsh.engine.EvaluationInterrupted;
import dev.opsh.engine.Evaluator;
import dev.opsh.inventory.Host;
import dev.opsh.inventory.Inventory;
import dev.opsh.inventory.Secrets;
import dev.opsh.inventory.SshSettings;
import dev.opsh.lab.LabExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import net.schmizz.sshj.common.Buffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** ssh() and the SSH runner against the lab's private OpenSSH server. */
@ExtendWith(LabExtension.class)
class SshIntegrationTest {
    @TempDir
    Path tmp;

    private static OpsContext context(Inventory inventory, RecordingEvents events) {
        return new OpsContext(inventory, new Secrets(n -> null), events, Provisioner.NONE);
    }

    @Test
    void runsACommandAndKeepsItsExitCodeAndBothStreams(Inventory lab) {
        RecordingEvents events = new RecordingEvents();
        try (OpsContext context = context(lab, events)) {
            FanOutResult result = (FanOutResult) new Evaluator(context).evaluate("ssh('lab', 'echo out; echo err >&2; exit 3')");

            assertThat(result).hasSize(1);
            CommandResult lab1 = result.get(0);
            assertThat(lab1.host()).isEqualTo("lab");
            assertThat(lab1.exit()).isEqualTo(3);
            assertThat(lab1.stdout()).isEqualTo("out");
            assertThat(lab1.stderr()).isEqualTo("err");
            assertThat(result.getFailed()).containsExactly(lab1);
            assertThat(result.getSucceeded()).isEmpty();
            assertThat(events.remote).containsExactly("lab 'echo out; echo err >&2; exit 3' 3");
        }
    }

    @Test
    void fansOutToAGroupAndSplitsSucceededFromFailed(Inventory lab) throws Exception {
        Host host = lab.host("lab");
        try (Blackhole blackhole = new Blackhole()) {
            Inventory inventory = InventoryEdits.withHost(InventoryEdits.withHost(InventoryEdits.withHost(lab,
                    InventoryEdits.renamed(host, "lab2", host.port())),
                    InventoryEdits.renamed(host, "stopped", Blackhole.closedPort())),
                    InventoryEdits.renamed(host, "hung", blackhole.port()));
            RecordingEvents events = new RecordingEvents();
            try (OpsContext context = context(inventory, events)) {
                long start = System.nanoTime();
                FanOutResult result = (FanOutResult) new Evaluator(context).evaluate("ssh('all', 'uname -s')");
                Duration took = Duration.ofNanos(System.nanoTime() - start);

                assertThat(result.getSucceeded()).extracting(CommandResult::host).containsExactlyInAnyOrder("lab", "lab2");
                assertThat(result.getSucceeded()).extracting(CommandResult::stdout).containsOnly("Linux");
                assertThat(result.getFailed()).extracting(CommandResult::host).containsExactlyInAnyOrder("stopped", "hung");
                assertThat(result.getFailed()).extracting(CommandResult::exit).containsOnly(-1);
                CommandResult stopped = result.getFailed().stream().filter(r -> r.host().equals("stopped")).findFirst().orElseThrow();
                CommandResult hung = result.getFailed().stream().filter(r -> r.host().equals("hung")).findFirst().orElseThrow();
                assertThat(stopped.stderr()).contains("ssh stopped (", "connection refused");
                assertThat(hung.stderr()).contains("ssh hung (", "127.0.0.1:" + blackhole.port(), "sent no SSH answer");
                // The hung host is bounded by the inventory's deadlines (connect 2s + read 10s), not the ssh timeout of 30s.
                assertThat(took).isLessThan(Duration.ofSeconds(25));
                assertThat(events.progress).first().asString().endsWith("0/4");
                assertThat(events.progress).last().asString().endsWith("4/4");
            }
        }
    }

    @Test
    void refusesAnUnknownHostKeyShowingItsFingerprint(Inventory lab) throws Exception {
        Path empty = Files.writeString(tmp.resolve("known_hosts"), "# nothing known\n");
        Inventory inventory = InventoryEdits.withSsh(lab, new SshSettings(empty.toString(), 10, Duration.ofSeconds(30)));
        try (OpsContext context = context(inventory, new RecordingEvents())) {
            FanOutResult result = (FanOutResult) new Evaluator(context).evaluate("ssh('lab', 'true')");

            assertThat(result.get(0).exit()).isEqualTo(-1);
            assertThat(result.get(0).stderr()).contains("unknown host key refused", labHostKeyFingerprint(lab),
                    "is not in " + empty);
        }
    }

    @Test
    void refusesAChangedHostKey(Inventory lab) throws Exception {
        int port = lab.host("lab").port();
        Path other = tmp.resolve("other");
        new ProcessBuilder("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", other.toString()).start().waitFor();
        String[] key = Files.readString(Path.of(other + ".pub")).split(" ");
        Path changed = Files.writeString(tmp.resolve("known_hosts"), "[127.0.0.1]:" + port + " " + key[0] + " " + key[1] + "\n");
        SshConnections connections = new SshConnections(changed, lab.deadlines(), new InFlight(), n -> null);
        try (connections) {
            SshCommandRunner runner = new SshCommandRunner(connections, new InFlight(), new RecordingEvents());

            assertThatThrownBy(() -> runner.run(lab.host("lab"), "true", Duration.ofSeconds(5)))
                    .isInstanceOf(OpshException.class)
                    .hasMessageContaining("CHANGED host key refused")
                    .hasMessageContaining(labHostKeyFingerprint(lab))
                    .hasMessageContaining(changed.toString());
        }
    }

    @Test
    void logsInWithTheKeysOfSshAgentWhenTheHostHasNoKeyFile(Inventory lab) throws Exception {
        Host host = lab.host("lab");
        Host agentHost = new Host("lab", host.address(), host.user(), host.port(), null, true);
        Path socket = tmp.resolve("agent.sock");
        Process agent = new ProcessBuilder("ssh-agent", "-D", "-a", socket.toString()).redirectErrorStream(true).start();
        try {
            waitFor(socket);
            Map<String, String> env = Map.of("SSH_AUTH_SOCK", socket.toString());
            try (SshConnections connections = new SshConnections(Path.of(lab.ssh().knownHosts()), lab.deadlines(), new InFlight(), env::get)) {
                SshCommandRunner runner = new SshCommandRunner(connections, new InFlight(), new RecordingEvents());
                assertThatThrownBy(() -> runner.run(agentHost, "true", Duration.ofSeconds(5)))
                        .hasMessageContaining("ssh-agent at " + socket + " holds no keys");

                ProcessBuilder add = new ProcessBuilder("ssh-add", host.keyFile()).redirectErrorStream(true);
                add.environment().put("SSH_AUTH_SOCK", socket.toString());
                assertThat(add.start().waitFor()).isZero();

                CommandResult result = runner.run(agentHost, "echo via-agent", Duration.ofSeconds(5));
                assertThat(result.exit()).isZero();
                assertThat(result.stdout()).isEqualTo("via-agent");
            }
        } finally {
            agent.destroy();
        }
    }

    @Test
    void withoutKeyFileOrAgentItSaysWhatToDo(Inventory lab) {
        Host host = lab.host("lab");
        Host noKey = new Host("lab", host.address(), host.user(), host.port(), null, true);
        try (SshConnections connections = new SshConnections(Path.of(lab.ssh().knownHosts()), lab.deadlines(), new InFlight(), n -> null)) {
            SshCommandRunner runner = new SshCommandRunner(connections, new InFlight(), new RecordingEvents());

            assertThatThrownBy(() -> runner.run(noKey, "true", Duration.ofSeconds(5)))
                    .hasMessageContaining("SSH_AUTH_SOCK is not set");
        }
    }

    @Test
    void aCommandPastItsTimeoutIsEndedAndTheNextCommandReconnects(Inventory lab) {
        try (SshConnections connections = new SshConnections(Path.of(lab.ssh().knownHosts()), lab.deadlines(), new InFlight(), n -> null)) {
            SshCommandRunner runner = new SshCommandRunner(connections, new InFlight(), new RecordingEvents());
            long start = System.nanoTime();

            assertThatThrownBy(() -> runner.run(lab.host("lab"), "sleep 30", Duration.ofSeconds(1)))
                    .hasMessageContaining("'sleep 30' did not finish within 1s");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));

            assertThat(runner.run(lab.host("lab"), "echo again", Duration.ofSeconds(5)).stdout()).isEqualTo("again");
        }
    }

    @Test
    void reusesOneConnectionPerHost(Inventory lab) {
        try (SshConnections connections = new SshConnections(Path.of(lab.ssh().knownHosts()), lab.deadlines(), new InFlight(), n -> null)) {
            SshCommandRunner runner = new SshCommandRunner(connections, new InFlight(), new RecordingEvents());
            runner.run(lab.host("lab"), "true", Duration.ofSeconds(5));
            var first = connections.get(lab.host("lab"));
            runner.run(lab.host("lab"), "true", Duration.ofSeconds(5));

            assertThat(connections.get(lab.host("lab"))).isSameAs(first);
        }
    }

    @Test
    void ctrlCStopsAFanOutWithinASecond(Inventory lab) throws Exception {
        Host host = lab.host("lab");
        Inventory inventory = InventoryEdits.withHost(lab, InventoryEdits.renamed(host, "lab2", host.port()));
        try (OpsContext context = context(inventory, new RecordingEvents())) {
            CtrlC.Outcome outcome = CtrlC.press(new Evaluator(context), "ssh('all', 'sleep 25')", Duration.ofSeconds(2));

            assertThat(outcome.ended()).isTrue();
            assertThat(outcome.afterCancel()).isLessThan(Duration.ofSeconds(1));
            assertThat(outcome.thrown()).isInstanceOf(EvaluationInterrupted.class);
        }
    }

    @Test
    void ctrlCStopsACommandOnOneHostWithinASecond(Inventory lab) throws Exception {
        try (OpsContext context = context(lab, new RecordingEvents())) {
            CtrlC.Outcome outcome = CtrlC.press(new Evaluator(context), "ssh('lab', 'sleep 25')", Duration.ofSeconds(2));

            assertThat(outcome.ended()).isTrue();
            assertThat(outcome.afterCancel()).isLessThan(Duration.ofSeconds(1));
            assertThat(outcome.thrown()).isInstanceOf(EvaluationInterrupted.class);
        }
    }

    private static String labHostKeyFingerprint(Inventory lab) throws Exception {
        String line = Files.readAllLines(Path.of(lab.ssh().knownHosts())).get(0);
        byte[] blob = Base64.getDecoder().decode(line.split(" ")[2]);
        return HostKeys.fingerprint(new Buffer.PlainBuffer(blob).readPublicKey());
    }

    private static void waitFor(Path socket) throws InterruptedException {
        for (int i = 0; i < 100 && !Files.exists(socket); i++) {
            Thread.sleep(50);
        }
        assertThat(socket).exists();
    }
}
