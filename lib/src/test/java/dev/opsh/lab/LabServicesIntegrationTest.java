package dev.opsh.lab;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.ConnectionFactory;
import dev.opsh.inventory.Host;
import dev.opsh.inventory.Inventory;
import dev.opsh.inventory.Secrets;
import dev.opsh.inventory.Service;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.connection.channel.direct.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.Jedis;

/** Every lab service answers over its real protocol, reached through the lab inventory's settings. */
@ExtendWith(LabExtension.class)
class LabServicesIntegrationTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Secrets secrets = new Secrets(name -> null);

    @Test
    void postgresHoldsTheUploadPipelineSeed(Inventory lab) throws Exception {
        Service pg = lab.service("postgres");
        try (Connection db = connect(pg, pg.port()); Statement sql = db.createStatement()) {
            assertThat(count(sql, "select count(*) from uploads where status = 'uploading' and created_at < now() - interval '10 minutes'"))
                    .isEqualTo(3);
            assertThat(count(sql, "select count(*) from uploads where status = 'uploading' and created_at >= now() - interval '10 minutes'"))
                    .isEqualTo(2);
            assertThat(count(sql, "select count(*) from uploads where status = 'processing'")).isEqualTo(1);
            assertThat(count(sql, "select count(*) from uploads where status = 'completed'")).isEqualTo(6);
            assertThat(count(sql, "select count(*) from job_queue where type = 'process_upload' and status = 'pending'"
                    + " and (payload->>'upload_id')::uuid in (select id from uploads where status = 'uploading')")).isEqualTo(2);
            assertThat(count(sql, "select count(*) from tracks where hls_status is null")).isEqualTo(1);
        }
    }

    @Test
    void haproxyForwardsToPostgresAndReportsOverItsAdminSocket(Inventory lab) throws Exception {
        Service pg = lab.service("postgres");
        Service haproxy = lab.service("haproxy");
        try (Connection db = connect(pg, haproxy.port()); Statement sql = db.createStatement()) {
            assertThat(count(sql, "select 1")).isEqualTo(1);
        }
        String csv = HaproxyStats.command(java.nio.file.Path.of(haproxy.setting("statsSocket")), "show stat");
        assertThat(csv).startsWith("# pxname,svname,");
        assertThat(csv.lines().filter(l -> l.startsWith("postgres,pg1,")).findFirst()).hasValueSatisfying(
                line -> assertThat(line.split(",")[17]).isEqualTo("UP"));
    }

    @Test
    void redisAnswersPing(Inventory lab) {
        try (Jedis redis = new Jedis("127.0.0.1", lab.service("redis").port())) {
            assertThat(redis.ping()).isEqualTo("PONG");
        }
    }

    @Test
    void rabbitmqHasTheRunbookQueuesWithMessagesWaiting(Inventory lab) throws Exception {
        Service rabbit = lab.service("rabbitmq");
        String password = secrets.resolve(rabbit.password());
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost("127.0.0.1");
        factory.setPort(rabbit.port());
        factory.setUsername(rabbit.user());
        factory.setPassword(password);
        try (com.rabbitmq.client.Connection amqp = factory.newConnection(); Channel channel = amqp.createChannel()) {
            assertThat(channel.queueDeclarePassive("transcode_jobs").getMessageCount()).isEqualTo(12);
        }
        String auth = Base64.getEncoder().encodeToString((rabbit.user() + ":" + password).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + rabbit.port("management", 0) + "/api/queues"))
                .header("Authorization", "Basic " + auth).timeout(Duration.ofSeconds(10)).build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        Map<String, Long> depths = new HashMap<>();
        for (JsonNode queue : JSON.readTree(response.body())) {
            assertThat(queue.get("durable").asBoolean()).isTrue();
            depths.put(queue.get("name").asText(), queue.get("messages").asLong());
        }
        assertThat(depths).containsEntry("transcode_jobs", 12L).containsEntry("distribution_outbox", 3L)
                .containsEntry("dmca_propagation", 2L).containsEntry("search_index_updates", 7L);
        assertThat(depths.get("transcode_jobs")).isGreaterThan(rabbit.thresholds().get("transcode_jobs"));
    }

    @Test
    void sshdRunsCommandsForTheClientKeyAndKnownHost(Inventory lab) throws Exception {
        Host host = lab.host("lab");
        try (SSHClient ssh = new SSHClient()) {
            ssh.loadKnownHosts(new File(lab.ssh().knownHosts()));
            ssh.connect(host.address(), host.port());
            ssh.authPublickey(host.user(), host.keyFile());
            try (Session session = ssh.startSession()) {
                Session.Command command = session.exec("id -un");
                String out = new String(command.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
                command.join(10, TimeUnit.SECONDS);
                assertThat(command.getExitStatus()).isZero();
                assertThat(out).isEqualTo(host.user());
            }
        }
        Process client = new ProcessBuilder("ssh", "-F", "/dev/null", "-o", "BatchMode=yes", "-o", "StrictHostKeyChecking=yes",
                "-o", "UserKnownHostsFile=" + lab.ssh().knownHosts(), "-i", host.keyFile(), "-p", Integer.toString(host.port()),
                host.user() + "@" + host.address(), "echo", "over-ssh").redirectErrorStream(true).start();
        String out = new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(client.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(out.strip()).isEqualTo("over-ssh");
    }

    @Test
    void pgbackrestReportsOneFullBackupThroughTheInventorysCommand(Inventory lab) throws Exception {
        String command = lab.backup().command() + " info --output=json --stanza=" + lab.backup().stanza();
        Process process = new ProcessBuilder("bash", "-c", command).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
        JsonNode stanza = JSON.readTree(out).get(0);
        assertThat(stanza.get("name").asText()).isEqualTo("lab");
        assertThat(stanza.at("/status/code").asInt()).isZero();
        List<String> types = new ArrayList<>();
        stanza.get("backup").forEach(b -> types.add(b.get("type").asText()));
        assertThat(types).containsExactly("full");
        assertThat(stanza.at("/backup/0/timestamp/stop").asLong()).isPositive();
    }

    @Test
    void aSecondUpReusesTheRunningLab(Lab lab) {
        Map<String, Long> before = pids(lab.status());
        assertThat(before.values()).allMatch(pid -> pid > 0);
        List<String> details = new ArrayList<>();
        lab.up(Set.of(), new LabListener() {
            @Override
            public void ready(String service, Duration elapsed, String detail) {
                details.add(service + " " + detail);
            }
        });
        assertThat(pids(lab.status())).isEqualTo(before);
        assertThat(details).hasSize(Lab.SERVICES.size()).allMatch(d -> d.contains("already running"));
    }

    private static Map<String, Long> pids(List<LabServiceStatus> status) {
        Map<String, Long> pids = new HashMap<>();
        status.forEach(s -> pids.put(s.service(), s.up() ? s.pid() : -1));
        return pids;
    }

    private Connection connect(Service pg, int port) throws Exception {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + pg.setting("database"),
                pg.user(), secrets.resolve(pg.password()));
    }

    private static long count(Statement sql, String query) throws Exception {
        try (ResultSet rows = sql.executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
