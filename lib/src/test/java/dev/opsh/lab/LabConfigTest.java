package dev.opsh.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashSet;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabConfigTest {
    @TempDir
    Path dir;

    @Test
    void createsDistinctPortsAndPrivatePasswordsOnceWithoutStartingAnything() throws Exception {
        LabConfig created = LabConfig.loadOrCreate(dir);

        assertThat(created.ports().keySet()).containsExactlyInAnyOrderElementsOf(LabConfig.PORT_NAMES);
        assertThat(new HashSet<>(created.ports().values())).hasSize(LabConfig.PORT_NAMES.size())
                .allMatch(port -> port > 1024 && port < 65536);
        assertThat(created.rabbitNode()).matches("opsh-lab-[0-9a-f]{6}@localhost");
        for (Path secret : new Path[] {created.pgPasswordFile(), created.rabbitPasswordFile()}) {
            assertThat(Files.readString(secret).strip()).hasSize(24).matches("[A-Za-z0-9]+");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secret))).isEqualTo("rw-------");
        }
        assertThat(Files.readString(dir.resolve("lab.env"))).contains("PG_PORT=" + created.port("pg"))
                .contains("RABBIT_NODE=" + created.rabbitNode());
        assertThat(dir.resolve("run")).doesNotExist();

        LabConfig again = LabConfig.loadOrCreate(dir);
        assertThat(again).isEqualTo(created);
        assertThat(again.pgPassword()).isEqualTo(created.pgPassword());
    }

    @Test
    void loadingALabThatWasNeverCreatedFindsNothing() {
        assertThat(LabConfig.load(dir.resolve("absent"))).isEmpty();
        assertThat(dir.resolve("absent")).doesNotExist();
    }

    @Test
    void theDefaultDirectoryFollowsOpshLabDirThenXdgStateHomeThenTheHome() {
        Path home = Path.of("/home/ops");
        assertThat(Lab.defaultDir(Map.of("OPSH_LAB_DIR", "/srv/lab", "XDG_STATE_HOME", "/state")::get, home))
                .isEqualTo(Path.of("/srv/lab"));
        assertThat(Lab.defaultDir(Map.of("XDG_STATE_HOME", "/state")::get, home)).isEqualTo(Path.of("/state/opsh/lab"));
        assertThat(Lab.defaultDir(Map.of("OPSH_LAB_DIR", " ")::get, home)).isEqualTo(Path.of("/home/ops/.local/state/opsh/lab"));
    }
}
