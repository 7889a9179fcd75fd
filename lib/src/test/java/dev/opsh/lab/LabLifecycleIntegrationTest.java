package dev.opsh.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opsh.OpshException;
import dev.opsh.dsl.SessionEvents;
import dev.opsh.inventory.Host;
import dev.opsh.inventory.Inventory;
import dev.opsh.inventory.Service;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.connection.channel.direct.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;

/** Killing, restarting and taking down lab services, each test on its own throw-away victim (redis + sshd). */
class LabLifecycleIntegrationTest {
    @TempDir
    Path dir;
    private Lab victim;

    @AfterEach
    void takeDown() {
        if (victim != null) {
            victim.down();
        }
    }

    @Test
    void aKilledServiceShowsDownAndComesBackWithUp() throws Exception {
        victim = LabExtension.victim(dir, "redis");
        LabServiceStatus before = status(victim, "redis");
        assertThat(before.up()).isTrue();

        assertThat(new ProcessBuilder("kill", "-9", Long.toString(before.pid())).start().waitFor()).isZero();
        LabServiceStatus killed = awaitStatus(victim, "redis", s -> !s.up());
        assertThat(killed.pid()).isEqualTo(before.pid());
        assertThat(killed.detail()).contains("is gone");

        victim.up(Set.of("redis"), LabListener.NONE);
        LabServiceStatus back = status(victim, "redis");
        assertThat(back.up()).isTrue();
        assertThat(back.pid()).isNotEqualTo(before.pid());
        try (Jedis redis = new Jedis("127.0.0.1", back.port())) {
            assertThat(redis.ping()).isEqualTo("PONG");
        }
    }

    @Test
    void theInventorysCommandsKillAndStartTheServiceOverSsh() throws Exception {
        victim = LabExtension.victim(dir, "redis");
        Inventory inventory = LabExtension.inventory(victim);
        Service redis = inventory.service("redis");
        long before = status(victim, "redis").pid();

        try (SSHClient ssh = ssh(inventory)) {
            assertThat(exec(ssh, redis.commands().kill())).isZero();
            assertThat(status(victim, "redis").up()).isFalse();
            assertThat(exec(ssh, redis.commands().start())).isZero();
        }
        // The service started over SSH outlives the SSH session.
        Thread.sleep(300);
        LabServiceStatus after = status(victim, "redis");
        assertThat(after.up()).isTrue();
        assertThat(after.pid()).isNotEqualTo(before);

        try (SSHClient ssh = ssh(inventory)) {
            assertThat(exec(ssh, redis.commands().stop())).isZero();
        }
        assertThat(status(victim, "redis")).satisfies(s -> {
            assertThat(s.up()).isFalse();
            assertThat(s.pid()).isZero();
        });
    }

    @Test
    void downLeavesNoProcessBehind() throws IOException {
        victim = LabExtension.victim(dir, "redis");
        List<Long> pids = new ArrayList<>();
        for (LabProcesses.Recorded recorded : LabProcesses.recorded(dir.resolve("run"))) {
            pids.add(recorded.pid());
        }
        assertThat(pids).hasSize(3); // redis, sshd and the watchdog of this throw-away lab

        victim.down();

        for (long pid : pids) {
            assertThat(runningProcess(pid)).as("process %d after down", pid).isFalse();
        }
        assertThat(victim.status()).allSatisfy(s -> {
            assertThat(s.up()).isFalse();
            assertThat(s.pid()).isZero();
        });
        victim = null;
    }

    @Test
    void downOverTheLabsOwnSshCompletesAndEndsTheOtherSessions() throws Exception {
        victim = LabExtension.victim(dir, "redis");
        Inventory inventory = LabExtension.inventory(victim);
        try (SSHClient idle = ssh(inventory); SSHClient operator = ssh(inventory)) {
            Session session = idle.startSession();
            Session.Command sleeping = session.exec("echo $$; exec sleep 600");
            long sleeper = Long.parseLong(new java.io.BufferedReader(new java.io.InputStreamReader(
                    sleeping.getInputStream(), StandardCharsets.US_ASCII)).readLine().strip());
            assertThat(runningProcess(sleeper)).isTrue();

            assertThat(exec(operator, dir.resolve("labctl") + " down")).isZero();

            assertThat(runningProcess(sleeper)).isFalse();
        }
        assertThat(victim.status()).noneMatch(LabServiceStatus::up);
    }

    @Test
    void theWatchdogTakesTheLabDownWhenItsOwnerDies() throws Exception {
        Lab lab = Lab.at(dir);
        victim = lab;
        lab.up(Set.of("redis"), LabListener.NONE);
        Process owner = new ProcessBuilder("sleep", "600").start();
        Process watch = new ProcessBuilder(dir.resolve("labctl").toString(), "watch", Long.toString(owner.pid())).start();
        assertThat(watch.waitFor(10, TimeUnit.SECONDS)).isTrue();

        owner.destroyForcibly().waitFor();

        LabServiceStatus redis = awaitStatus(lab, "redis", s -> !s.up() && s.pid() == 0);
        assertThat(redis.detail()).isEqualTo("not running");
    }

    @Test
    void theProvisionerStartsAStoppedServiceButLeavesAKilledOneDown() throws Exception {
        victim = LabExtension.victim(dir, "redis");
        Service redis = LabExtension.inventory(victim).service("redis");
        List<String> notices = new ArrayList<>();
        SessionEvents events = new SessionEvents() {
            @Override
            public void notice(String message) {
                notices.add(message);
            }
        };

        run(dir.resolve("labctl").toString(), "stop", "redis");
        new LabProvisioner(victim, events).prepare(redis);
        LabServiceStatus started = status(victim, "redis");
        assertThat(started.up()).isTrue();
        assertThat(notices).anyMatch(n -> n.startsWith("lab: starting redis")).anyMatch(n -> n.contains("redis") && n.contains("ready"));

        run(dir.resolve("labctl").toString(), "kill", "redis");
        notices.clear();
        new LabProvisioner(victim, events).prepare(redis);
        assertThat(status(victim, "redis").up()).isFalse();
        assertThat(notices).isEmpty();
    }

    @Test
    void upRefusesAPortThatAnotherProcessTookMeanwhile() throws Exception {
        victim = LabExtension.victim(dir, "redis");
        int port = status(victim, "redis").port();
        run(dir.resolve("labctl").toString(), "stop", "redis");

        try (ServerSocket squatter = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> victim.up(Set.of("redis"), LabListener.NONE))
                    .isInstanceOf(OpshException.class)
                    .hasMessageContaining("redis: 127.0.0.1:" + port + " is in use by a process the lab did not start");
            assertThat(squatter.isClosed()).isFalse();
        }
        victim.up(Set.of("redis"), LabListener.NONE);
        assertThat(status(victim, "redis").up()).isTrue();
    }

    private static void run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(out).isZero();
    }

    private static SSHClient ssh(Inventory inventory) throws IOException {
        Host host = inventory.host("lab");
        SSHClient ssh = new SSHClient();
        ssh.loadKnownHosts(new File(inventory.ssh().knownHosts()));
        ssh.connect(host.address(), host.port());
        ssh.authPublickey(host.user(), host.keyFile());
        return ssh;
    }

    private static int exec(SSHClient ssh, String command) throws IOException {
        try (Session session = ssh.startSession()) {
            Session.Command run = session.exec(command);
            run.getInputStream().readAllBytes();
            run.join(60, TimeUnit.SECONDS);
            return run.getExitStatus();
        }
    }

    private static LabServiceStatus status(Lab lab, String service) {
        return lab.status().stream().filter(s -> s.service().equals(service)).findFirst().orElseThrow();
    }

    private static LabServiceStatus awaitStatus(Lab lab, String service, Predicate<LabServiceStatus> condition)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        LabServiceStatus status = status(lab, service);
        while (!condition.test(status) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            status = status(lab, service);
        }
        assertThat(condition).as("status of %s: %s", service, status).accepts(status);
        return status;
    }

    /** True when /proc shows the process and it is not a zombie waiting to be reaped. */
    private static boolean runningProcess(long pid) throws IOException {
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        if (!Files.exists(stat)) {
            return false;
        }
        try {
            String text = Files.readString(stat);
            return text.charAt(text.lastIndexOf(") ") + 2) != 'Z';
        } catch (IOException e) {
            return false;
        }
    }
}
