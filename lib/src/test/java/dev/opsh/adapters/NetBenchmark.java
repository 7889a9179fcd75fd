package dev.opsh.adapters;

import dev.opsh.adapters.rabbitmq.RabbitAdmin;
import dev.opsh.adapters.ssh.FanOutResult;
import dev.opsh.dsl.OpsContext;
import dev.opsh.dsl.Provisioner;
import dev.opsh.engine.Evaluator;
import dev.opsh.inventory.Host;
import dev.opsh.inventory.Inventory;
import dev.opsh.inventory.Secrets;
import dev.opsh.inventory.Service;
import dev.opsh.inventory.SshSettings;
import dev.opsh.lab.Lab;
import dev.opsh.lab.LabExtension;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The measurements behind docs/benchmarks.md (section "Network adapters"): not tests, excluded from
 * the default run. Run with
 * {@code mvn -B -o -q test -pl lib -Dtest=NetBenchmark -Dbenchmarks.excluded=none}; the tables
 * are written to {@code lib/target/benchmarks/adapters-net.md}.
 */
@Tag("benchmark")
@ExtendWith(LabExtension.class)
class NetBenchmark {
    private static final int QUEUES = 2000;
    private static final int ENDPOINTS = 50;
    private static final int RUNS = 5;
    private static final Path REPORT = Path.of("target", "benchmarks", "adapters-net.md");

    @TempDir
    Path tmp;

    @Test
    void measure(Lab labProcess, Inventory lab) throws Exception {
        StringBuilder report = new StringBuilder("# Network adapters, measured " + java.time.LocalDate.now() + "\n\n");
        report.append(health(lab)).append(queues(labProcess, lab)).append(ssh(lab));
        Files.createDirectories(REPORT.getParent());
        Files.writeString(REPORT, report);
    }

    private static OpsContext session(Inventory inventory) {
        return new OpsContext(inventory, new Secrets(n -> null), new RecordingEvents(), Provisioner.NONE);
    }

    private static long timed(Evaluator evaluator, String line) {
        long start = System.nanoTime();
        evaluator.evaluate(line);
        return (System.nanoTime() - start) / 1_000_000;
    }

    private String health(Inventory lab) throws IOException {
        List<Long> up = new ArrayList<>();
        List<Long> hung = new ArrayList<>();
        try (Blackhole blackhole = new Blackhole(); OpsContext ok = session(lab)) {
            Inventory broken = InventoryEdits.withService(lab, InventoryEdits.port(lab.service("rabbitmq"), blackhole.port()));
            Evaluator evaluator = new Evaluator(ok);
            evaluator.evaluate("health()");
            for (int i = 0; i < RUNS; i++) {
                up.add(timed(evaluator, "health()"));
            }
            try (OpsContext bad = session(broken)) {
                Evaluator withBlackhole = new Evaluator(bad);
                withBlackhole.evaluate("health()");
                for (int i = 0; i < RUNS; i++) {
                    hung.add(timed(withBlackhole, "health()"));
                }
            }
        }
        return "## health()\n\nLab inventory: 4 services + 1 SSH host, health deadline "
                + lab.service("rabbitmq").deadlines().health().toMillis() + " ms each; " + RUNS + " warm runs.\n\n"
                + "| case | median ms | max ms |\n|---|---|---|\n"
                + row("all services up", up) + row("rabbitmq's AMQP port blackholed", hung) + "\n";
    }

    private String queues(Lab labProcess, Inventory lab) throws Exception {
        Service rabbit = lab.service("rabbitmq");
        String vhost = "opsh-bench";
        RabbitAdmin admin = new RabbitAdmin(rabbit);
        try {
            admin.createVhost(vhost, "bench", QUEUES);
            Thread.sleep(6000); // one statistics interval, so that the API lists every queue
            Service bench = InventoryEdits.settings(rabbit, s -> {
                s.put("vhost", vhost);
                return s;
            });
            List<Long> opsh = new ArrayList<>();
            int listed;
            try (OpsContext context = session(InventoryEdits.withService(lab, bench))) {
                Evaluator evaluator = new Evaluator(context);
                listed = ((List<?>) evaluator.evaluate("queues()")).size();
                for (int i = 0; i < RUNS; i++) {
                    opsh.add(timed(evaluator, "queues()"));
                }
            }
            int pages = (QUEUES + 499) / 500;
            List<Long> allColumns = new ArrayList<>();
            long bytesAll = 0;
            for (int i = 0; i < RUNS; i++) {
                long start = System.nanoTime();
                bytesAll = 0;
                for (int page = 1; page <= pages; page++) {
                    bytesAll += admin.get("queues/" + vhost + "?page=" + page + "&page_size=500").length();
                }
                allColumns.add((System.nanoTime() - start) / 1_000_000);
            }
            long bytesNeeded = 0;
            for (int page = 1; page <= pages; page++) {
                bytesNeeded += admin.get("queues/" + vhost + "?page=" + page + "&page_size=500&columns="
                        + "name,vhost,messages_ready,messages_unacknowledged,consumers,state,"
                        + "message_stats.publish_details.rate,message_stats.deliver_get_details.rate").length();
            }
            List<Long> ctl = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                long start = System.nanoTime();
                Process p = new ProcessBuilder(labProcess.config().labctl().toString(), "rabbitmqctl", "list_queues", "-q", "-p", vhost,
                        "name", "messages_ready", "messages_unacknowledged", "consumers", "state")
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                    throw new IllegalStateException("rabbitmqctl list_queues failed");
                }
                ctl.add((System.nanoTime() - start) / 1_000_000);
            }
            return "## queues() with " + QUEUES + " queues\n\nOne vhost of " + QUEUES + " queues (" + listed
                    + " listed) on the lab's RabbitMQ 3.10; " + RUNS + " warm runs in one session.\n\n"
                    + "| what | median ms | max ms |\n|---|---|---|\n"
                    + row("opsh queues(): " + pages + " pages of 500, 8 columns (" + bytesNeeded / 1024 + " KiB)", opsh)
                    + row("same " + pages + " pages with every column (" + bytesAll / 1024 + " KiB), no parsing", allColumns)
                    + row("rabbitmqctl list_queues, same 5 fields (3 runs)", ctl) + "\n";
        } finally {
            admin.deleteVhost(vhost);
        }
    }

    private String ssh(Inventory lab) throws Exception {
        Host labHost = lab.host("lab");
        Path sshDir = Path.of(labHost.keyFile()).getParent();
        String config = Files.readString(sshDir.resolve("sshd_config"));
        Map<String, Host> hosts = new LinkedHashMap<>();
        StringBuilder knownHosts = new StringBuilder();
        String hostKeyLine = Files.readAllLines(Path.of(lab.ssh().knownHosts())).get(0);
        String key = hostKeyLine.substring(hostKeyLine.indexOf(' ') + 1);
        List<Process> sshds = new ArrayList<>();
        try {
            for (int i = 0; i < ENDPOINTS; i++) {
                int port = i == 0 ? labHost.port() : freePort();
                if (i > 0) {
                    Path cfg = tmp.resolve("sshd_config_" + port);
                    Files.writeString(cfg, config.replaceFirst("(?m)^Port \\d+", "Port " + port));
                    sshds.add(new ProcessBuilder("/usr/sbin/sshd", "-D", "-e", "-f", cfg.toString())
                            .redirectErrorStream(true).redirectOutput(tmp.resolve("sshd_" + port + ".log").toFile()).start());
                }
                String name = String.format("b%02d", i);
                hosts.put(name, new Host(name, "127.0.0.1", labHost.user(), port, labHost.keyFile(), true));
                knownHosts.append("[127.0.0.1]:").append(port).append(' ').append(key).append('\n');
            }
            Path kh = Files.writeString(tmp.resolve("known_hosts"), knownHosts);
            Thread.sleep(500);
            Inventory fleet = new Inventory("bench", lab.source(), "lab", false, true, hosts, Map.of(), Map.of(),
                    lab.deadlines(), new SshSettings(kh.toString(), 10, Duration.ofSeconds(30)), null, List.of());

            List<Long> cold = new ArrayList<>();
            List<Long> warm = new ArrayList<>();
            List<Long> opshLoop = new ArrayList<>();
            for (int run = 0; run < 3; run++) {
                try (OpsContext context = session(fleet)) {
                    Evaluator evaluator = new Evaluator(context);
                    long start = System.nanoTime();
                    FanOutResult result = (FanOutResult) evaluator.evaluate("ssh('all', 'uname -r')");
                    cold.add((System.nanoTime() - start) / 1_000_000);
                    if (result.getSucceeded().size() != ENDPOINTS) {
                        throw new IllegalStateException("fan-out failed: " + result.getFailed());
                    }
                    warm.add(timed(evaluator, "ssh('all', 'uname -r')"));
                }
                try (OpsContext context = session(fleet)) {
                    Evaluator evaluator = new Evaluator(context);
                    opshLoop.add(timed(evaluator, "inventory.hosts.keySet().sort().each { ssh(it, 'uname -r') }"));
                }
            }
            List<Long> openssh = new ArrayList<>();
            for (int run = 0; run < 3; run++) {
                long start = System.nanoTime();
                for (Host h : hosts.values()) {
                    Process p = new ProcessBuilder("ssh", "-i", h.keyFile(), "-p", String.valueOf(h.port()), "-o", "BatchMode=yes",
                            "-o", "UserKnownHostsFile=" + kh, "-o", "StrictHostKeyChecking=yes", h.user() + "@127.0.0.1", "uname -r")
                            .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                    if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                        throw new IllegalStateException("ssh to port " + h.port() + " failed");
                    }
                }
                openssh.add((System.nanoTime() - start) / 1_000_000);
            }
            return "## ssh() fanned out to " + ENDPOINTS + " SSH endpoints\n\n" + ENDPOINTS
                    + " private sshd on loopback (the lab's and 49 more with its keys), command `uname -r`, forks 10; 3 runs.\n\n"
                    + "| what | median ms | max ms |\n|---|---|---|\n"
                    + row("opsh ssh('all', ...), new session (50 handshakes)", cold)
                    + row("opsh ssh('all', ...), same session again (connections reused)", warm)
                    + row("opsh sequential loop of ssh(host, ...), new session", opshLoop)
                    + row("sequential loop of OpenSSH `ssh host uname -r`", openssh) + "\n";
        } finally {
            sshds.forEach(Process::destroy);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static String row(String what, List<Long> millis) {
        List<Long> sorted = millis.stream().sorted().toList();
        return "| " + what + " | " + sorted.get(sorted.size() / 2) + " | " + sorted.get(sorted.size() - 1) + " |\n";
    }
}
