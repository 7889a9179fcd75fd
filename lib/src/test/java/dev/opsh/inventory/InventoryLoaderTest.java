package dev.opsh.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opsh.ExitCode;
import dev.opsh.OpshException;
import dev.opsh.UnknownNameException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InventoryLoaderTest {
    @TempDir
    Path dir;

    private static final String VALID = """
            environment: staging
            deadlines: {connect: 1s, read: 3s, health: 500ms}
            hosts:
              db1: {address: 10.0.0.11, user: ops, port: 2222, key: keys/id_ed25519}
              mq1: {address: 10.0.0.12}
            groups:
              db: [db1]
            backup: {host: db1, stanza: main, maxAge: 12h}
            services:
              postgres:
                type: postgres
                host: db1
                port: 5432
                database: veza
                user: opsh
                password: env:PGPASS
                unit: postgresql
              rabbitmq:
                hosts: [mq1]
                port: 5672
                ports: {management: 15672}
                password: file:/run/secrets/rmq
                thresholds: {transcode_jobs: 1000}
                commands: {kill: "pkill -9 beam"}
                deadlines: {health: 5s}
            """;

    private Path write(String name, String yaml) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, yaml);
        return file;
    }

    private Inventory load(String yaml) throws IOException {
        return new InventoryLoader(Placeholders.NONE).load(write("inv.yml", yaml));
    }

    @Test
    void readsAValidInventory() throws IOException {
        Inventory inv = load(VALID);
        assertThat(inv.name()).isEqualTo("inv");
        assertThat(inv.environment()).isEqualTo("staging");
        assertThat(inv.isProtected()).isFalse();
        assertThat(inv.host("db1")).isEqualTo(new Host("db1", "10.0.0.11", "ops", 2222, dir.resolve("keys/id_ed25519").toString(), false));
        assertThat(inv.group("db")).extracting(Host::name).containsExactly("db1");
        Service pg = inv.service("postgres");
        assertThat(pg.setting("database")).isEqualTo("veza");
        assertThat(pg.commands()).isEqualTo(ServiceCommands.systemd("postgresql"));
        assertThat(pg.deadlines()).isEqualTo(new Deadlines(Duration.ofSeconds(1), Duration.ofSeconds(3), Duration.ofMillis(500)));
        Service mq = inv.service("rabbitmq");
        assertThat(mq.type()).isEqualTo("rabbitmq");
        assertThat(mq.port("management", 0)).isEqualTo(15672);
        assertThat(mq.thresholds()).containsEntry("transcode_jobs", 1000L);
        assertThat(mq.commands().kill()).isEqualTo("pkill -9 beam");
        assertThat(mq.commands().start()).isNull();
        assertThat(mq.deadlines().health()).isEqualTo(Duration.ofSeconds(5));
        assertThat(inv.backup()).isEqualTo(new BackupPolicy("db1", false, "main", Duration.ofHours(12), "pgbackrest"));
        assertThat(inv.readOnlyCommands()).contains("uptime", "pgbackrest info");
        assertThat(inv.resolveTarget("postgres")).extracting(Host::name).containsExactly("db1");
    }

    @Test
    void prodIsProtectedByDefaultAndCannotBeUnprotected() throws IOException {
        assertThat(load("environment: prod\n").isProtected()).isTrue();
        assertThatThrownBy(() -> load("environment: prod\nprotected: false\n"))
                .hasMessageEndingWith("inv.yml:2:12: environment 'prod' cannot be unprotected");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            bad YAML              | 'environment: lab\\nhosts: [a, b\\n'                                 | inv.yml:3:1: not valid YAML
            no environment        | 'hosts: {}\\n'                                                      | inv.yml:1:1: the inventory needs 'environment'
            misspelt key          | 'environment: lab\\nprotectd: true\\n'                              | inv.yml:2:1: unknown key 'protectd' in the inventory; did you mean 'protected'?
            bad port              | 'environment: lab\\nhosts:\\n  a: {address: x, port: 99999}\\n'      | inv.yml:3:25: 'port' must be a port between 1 and 65535, found 99999
            port not a number     | 'environment: lab\\nhosts:\\n  a: {address: x, port: ssh}\\n'        | inv.yml:3:25: 'port' must be a whole number, found 'ssh'
            host without address  | 'environment: lab\\nhosts:\\n  a: {user: x}\\n'                      | inv.yml:3:6: host 'a' needs 'address'
            unknown host          | 'environment: lab\\nhosts:\\n  db1: {address: x}\\nservices:\\n  pg: {host: db2}\\n' | inv.yml:5:14: service 'pg' names unknown host 'db2'; did you mean 'db1'?
            service without hosts | 'environment: lab\\nservices:\\n  pg: {port: 5432}\\n'                | inv.yml:3:7: service 'pg' needs 'hosts: [NAME, ...]'
            bad duration          | 'environment: lab\\ndeadlines: {connect: soon}\\n'                  | inv.yml:2:22: 'connect' must be a duration such as 500ms, 2s, 5m or 24h, found 'soon'
            list for a scalar     | 'environment: [lab]\\n'                                             | inv.yml:1:14: 'environment' must be a single value, found a list
            hosts not a mapping   | 'environment: lab\\nhosts: [a, b]\\n'                               | inv.yml:2:8: hosts must be a mapping of key: value, found a list
            duplicate key         | 'environment: lab\\nenvironment: prod\\n'                           | inv.yml:2:1: duplicate key 'environment' in the inventory
            unknown placeholder   | 'environment: ${lab:nope}\\n'                                      | inv.yml:1:14: unknown placeholder '${lab:nope}'
            empty file            | ''                                                                  | inv.yml:1:1: the file is empty
            """)
    void malformedFilesNameFileLineAndColumn(String what, String yaml, String message) throws IOException {
        Path file = write("inv.yml", yaml.replace("\\n", "\n"));
        assertThatThrownBy(() -> new InventoryLoader(Placeholders.NONE).load(file))
                .isInstanceOf(InventoryException.class)
                .satisfies(e -> assertThat(((OpshException) e).exitCode()).isEqualTo(ExitCode.USAGE))
                .hasMessageStartingWith(dir.resolve(message.substring(0, message.indexOf(':'))) + message.substring(message.indexOf(':')));
    }

    @Test
    void aLiteralPasswordIsRejectedWithHowToReferenceIt() throws IOException {
        assertThatThrownBy(() -> load("environment: lab\nhosts:\n  a: {address: x}\nservices:\n  pg: {host: a, password: hunter2}\n"))
                .hasMessageContaining("inv.yml:5:27: service 'pg' has a literal password")
                .hasMessageContaining("'password: env:VARIABLE'")
                .hasMessageContaining("'password: file:/path/to/secret'")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void unknownNamesSuggestTheClosest() throws IOException {
        Inventory inv = load(VALID);
        assertThatThrownBy(() -> inv.service("postgre")).isInstanceOf(UnknownNameException.class)
                .hasMessage("unknown service 'postgre'; did you mean 'postgres'?");
        assertThatThrownBy(() -> inv.resolveTarget("mq2")).hasMessageContaining("did you mean 'mq1'?");
        assertThatThrownBy(() -> inv.host("zzzzzzzz")).hasMessage("unknown host 'zzzzzzzz'; known: db1, mq1");
    }

    @Test
    void placeholdersAreFilledFromTheirSource() throws IOException {
        Placeholders lab = (ns, key) -> ns.equals("lab") && key.equals("redis.port") ? "7001" : null;
        Path file = write("lab.yml", "environment: lab\nhosts:\n  l: {address: 127.0.0.1}\nservices:\n  redis: {host: l, port: '${lab:redis.port}'}\n");
        assertThat(new InventoryLoader(lab).load(file).service("redis").port()).isEqualTo(7001);
    }

    @Test
    void secretsResolveFromEnvironmentAndFilesAndAreRemembered() throws IOException {
        Path secretFile = write("secret", "s3cr3t-from-file\n");
        Secrets secrets = new Secrets(Map.of("PGPASS", "s3cr3t-from-env")::get);
        assertThat(secrets.resolve(new SecretRef("env:PGPASS", null))).isEqualTo("s3cr3t-from-env");
        assertThat(secrets.resolve(new SecretRef("file:" + secretFile, null))).isEqualTo("s3cr3t-from-file");
        assertThat(secrets.resolvedValues()).containsExactlyInAnyOrder("s3cr3t-from-env", "s3cr3t-from-file");
        assertThatThrownBy(() -> secrets.resolve(new SecretRef("env:MISSING", new Location(dir.resolve("x.yml"), 3, 7))))
                .hasMessageContaining("x.yml:3:7").hasMessageContaining("MISSING, which is not set");
    }

    @Test
    void hostsAndGroupsComeFromAnAnsibleIniInventory() throws IOException {
        write("hosts.ini", """
                # production fleet
                [db]
                db1 ansible_host=10.0.1.1 ansible_user=postgres ansible_port=2200
                db2 ansible_host=10.0.1.2

                [db:vars]
                ansible_user=dba
                ansible_ssh_private_key_file=~/.ssh/db_key

                [mq]
                mq1 ansible_host=10.0.2.1

                [backend:children]
                db
                mq
                """);
        Inventory inv = load("environment: staging\nansible: hosts.ini\nservices:\n  postgres: {hosts: [db1, db2]}\n");
        assertThat(inv.host("db1")).isEqualTo(new Host("db1", "10.0.1.1", "postgres", 2200,
                Path.of(System.getProperty("user.home"), ".ssh/db_key").toString(), false));
        assertThat(inv.host("db2").user()).isEqualTo("dba");
        assertThat(inv.host("mq1").port()).isEqualTo(22);
        assertThat(inv.groups().get("backend")).containsExactly("db1", "db2", "mq1");
    }

    @Test
    void hostsAndGroupsComeFromAnAnsibleYamlInventory() throws IOException {
        write("hosts.yml", """
                all:
                  vars:
                    ansible_user: ops
                  children:
                    web:
                      hosts:
                        web1: {ansible_host: 10.0.3.1, ansible_port: 2022}
                        web2:
                    cache:
                      hosts:
                        redis1: {ansible_host: 10.0.4.1, ansible_user: redis}
                """);
        Inventory inv = load("environment: staging\nansible: hosts.yml\n");
        assertThat(inv.host("web1")).isEqualTo(new Host("web1", "10.0.3.1", "ops", 2022, null, false));
        assertThat(inv.host("web2").address()).isEqualTo("web2");
        assertThat(inv.host("redis1").user()).isEqualTo("redis");
        assertThat(inv.group("all")).extracting(Host::name).containsExactly("web1", "web2", "redis1");
        assertThat(inv.group("web")).extracting(Host::name).containsExactly("web1", "web2");
    }

    @Test
    void aBrokenAnsibleInventoryIsNamedWithItsLine() throws IOException {
        write("hosts.ini", "[db]\ndb1 ansible_host\n");
        assertThatThrownBy(() -> load("environment: staging\nansible: hosts.ini\n"))
                .hasMessageContaining("hosts.ini:2:5: expected name=value, found 'ansible_host'");
        assertThatThrownBy(() -> load("environment: staging\nansible: missing.ini\n"))
                .hasMessageContaining("inv.yml:2:1: the Ansible inventory").hasMessageContaining("does not exist");
    }

    @Test
    void theCatalogSelectsByOptionThenEnvironmentThenLab() throws IOException {
        write("lab.yml", "environment: lab\n");
        write("prod.yml", "environment: prod\n");
        assertThat(InventoryCatalog.select("prod", Map.of("INVENTORY", "lab"))).isEqualTo("prod");
        assertThat(InventoryCatalog.select(null, Map.of("INVENTORY", "prod"))).isEqualTo("prod");
        assertThat(InventoryCatalog.select(null, Map.of())).isEqualTo("lab");
        InventoryCatalog catalog = new InventoryCatalog(dir, Placeholders.NONE);
        assertThat(catalog.names()).containsExactly("lab", "prod");
        assertThatThrownBy(() -> catalog.load("prd")).isInstanceOf(OpshException.class)
                .hasMessageContaining("unknown inventory 'prd'").hasMessageContaining("did you mean 'prod'?")
                .satisfies(e -> assertThat(((OpshException) e).exitCode()).isEqualTo(ExitCode.USAGE));
    }
}
