package dev.opsh.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opsh.ExitCode;
import dev.opsh.OpshException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PackageInstallerTest {
    private final List<String> steps = new ArrayList<>();
    private final LabListener listener = new LabListener() {
        @Override
        public void step(String service, String message) {
            steps.add(message);
        }
    };

    @Test
    void listsThePackagesOfTheMissingProgramsOnly() {
        Set<Path> present = Set.of(Path.of("/usr/lib/postgresql/15/bin/postgres"), Path.of("/usr/lib/postgresql/15/bin/psql"),
                Path.of("/usr/sbin/sshd"));
        PackageInstaller installer = new PackageInstaller(present::contains, PackageInstaller.Privilege.NONE);

        assertThat(installer.missing(List.of("postgres", "sshd", "haproxy"))).containsExactly("haproxy", "openssh-client", "pgbackrest");
        assertThat(installer.missing(List.of("postgres"))).containsExactly("pgbackrest");
    }

    @Test
    void withoutRootOrSudoItNamesTheExactCommandAndInstallsNothing() {
        PackageInstaller installer = new PackageInstaller(path -> !path.toString().contains("redis"), PackageInstaller.Privilege.NONE);

        assertThatThrownBy(() -> installer.ensure(List.of("redis", "sshd"), listener))
                .isInstanceOf(OpshException.class)
                .hasMessage("the lab needs Debian packages that are not installed: redis-server; "
                        + "install them with: sudo apt-get install -y redis-server")
                .satisfies(e -> assertThat(((OpshException) e).exitCode()).isEqualTo(ExitCode.FAILURE));
        assertThat(steps).isEmpty();
    }

    @Test
    void doesNothingWhenEverythingIsInstalled() {
        PackageInstaller installer = new PackageInstaller(path -> true, PackageInstaller.Privilege.ROOT);

        installer.ensure(Lab.SERVICES, listener);

        assertThat(steps).isEmpty();
    }
}
