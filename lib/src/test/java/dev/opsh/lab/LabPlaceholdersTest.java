package dev.opsh.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsh.inventory.Host;
import dev.opsh.inventory.Inventory;
import dev.opsh.inventory.Service;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabPlaceholdersTest {
    @TempDir
    Path dir;

    @Test
    void everyKeyResolvesToTheLabsOwnValues() {
        Lab lab = Lab.at(dir);
        LabPlaceholders placeholders = lab.placeholders();
        LabConfig config = lab.config();

        assertThat(LabPlaceholders.KEYS).allSatisfy(key -> assertThat(placeholders.lookup("lab", key)).as(key).isNotBlank());
        assertThat(placeholders.lookup("lab", "redis.port")).isEqualTo(Integer.toString(config.port("redis")));
        assertThat(placeholders.lookup("lab", "haproxy.statsSocket")).isEqualTo(dir.resolve("haproxy/stats.sock").toString());
        assertThat(placeholders.lookup("lab", "pgbackrest.command")).isEqualTo(dir.resolve("labctl") + " pgbackrest");
        assertThat(placeholders.lookup("lab", "no.such.key")).isNull();
        assertThat(placeholders.lookup("vault", "redis.port")).isNull();
    }

    @Test
    void theLabInventoryLoadsAgainstTheLabWithoutStartingIt() {
        Lab lab = Lab.at(dir);
        Inventory inventory = LabExtension.inventory(lab);
        LabConfig config = lab.config();

        assertThat(inventory.environment()).isEqualTo("lab");
        assertThat(inventory.isProtected()).isFalse();
        assertThat(inventory.lab()).isTrue();
        Host host = inventory.host("lab");
        assertThat(host.address()).isEqualTo("127.0.0.1");
        assertThat(host.port()).isEqualTo(config.port("ssh"));
        assertThat(host.keyFile()).isEqualTo(config.clientKey().toString());
        assertThat(host.local()).isTrue();
        assertThat(inventory.ssh().knownHosts()).isEqualTo(config.knownHosts().toString());
        assertThat(inventory.services().keySet()).containsExactly("postgres", "redis", "rabbitmq", "haproxy");
        assertThat(inventory.services().values()).allSatisfy(service -> {
            assertThat(service.impact()).isNotBlank();
            assertThat(service.commands().kill()).isEqualTo(config.labctl() + " kill " + service.name());
            assertThat(service.commands().start()).isEqualTo(config.labctl() + " start " + service.name());
        });
        Service rabbit = inventory.service("rabbitmq");
        assertThat(rabbit.port("management", 0)).isEqualTo(config.port("management"));
        assertThat(rabbit.password().reference()).isEqualTo("file:" + config.rabbitPasswordFile());
        assertThat(rabbit.thresholds()).containsEntry("transcode_jobs", 5L);
        assertThat(inventory.service("haproxy").setting("statsSocket")).isEqualTo(config.statsSocket().toString());
        assertThat(inventory.backup().local()).isTrue();
        assertThat(inventory.backup().stanza()).isEqualTo("lab");

        assertThat(dir.resolve("run")).doesNotExist();
        assertThat(lab.status()).noneMatch(LabServiceStatus::up);
    }

    @Test
    void theDrillInventoryIsTheSameLabUnderProdRules() {
        Lab lab = Lab.at(dir);
        Inventory drill = LabExtension.inventory(lab, "drill");
        Inventory plain = LabExtension.inventory(lab);

        assertThat(drill.environment()).isEqualTo("drill");
        assertThat(drill.isProtected()).isTrue();
        assertThat(drill.lab()).isTrue();
        assertThat(drill.hosts()).isEqualTo(plain.hosts());
        assertThat(drill.services().keySet()).isEqualTo(plain.services().keySet());
        drill.services().forEach((name, service) -> {
            assertThat(service.port()).isEqualTo(plain.service(name).port());
            assertThat(service.commands()).isEqualTo(plain.service(name).commands());
            assertThat(service.impact()).isEqualTo(plain.service(name).impact());
        });
        assertThat(drill.readOnlyCommands()).contains(lab.config().labctl() + " status", "pgbackrest info");
    }
}
