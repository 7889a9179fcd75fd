package dev.opsh.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsh.lab.Lab;
import dev.opsh.lab.LabExtension;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code opsh lab} against a throw-away lab running redis and sshd. */
class LabCommandTest {
    @TempDir
    Path dir;
    private Lab victim;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @AfterEach
    void takeDown() {
        if (victim != null) {
            victim.down();
        }
    }

    private int lab(String... args) {
        CommandLine command = new CommandLine(new LabCommand());
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        return command.execute(args);
    }

    @Test
    void statusShowsEachServiceWithPidPortAndHealth() {
        victim = LabExtension.victim(dir, "redis");

        assertThat(lab("--dir", dir.toString(), "status")).isZero();

        assertThat(out.toString().lines()).first().asString().matches("SERVICE\\s+PID\\s+PORT\\s+HEALTH\\s+DETAIL");
        assertThat(out.toString()).containsPattern("(?m)^redis\\s+\\d+\\s+\\d+\\s+UP\\s+accepting on 127\\.0\\.0\\.1:\\d+$")
                .containsPattern("(?m)^sshd\\s+\\d+\\s+\\d+\\s+UP\\s")
                .containsPattern("(?m)^postgres\\s+-\\s+\\d+\\s+DOWN\\s+not running$");
    }

    @Test
    void upShowsRunningServicesAsReadyWithoutRestartingThem() {
        victim = LabExtension.victim(dir, "redis");

        assertThat(lab("--dir", dir.toString(), "up", "redis")).isZero();

        assertThat(out.toString()).startsWith("lab in " + dir + "\n")
                .containsPattern("(?m)^  redis\\s+ready\\s+\\d+\\.\\d s  already running, pid \\d+$")
                .containsPattern("(?m)^lab up in \\d+\\.\\d s$");
    }

    @Test
    void downStopsEveryProcess() {
        victim = LabExtension.victim(dir, "redis");

        assertThat(lab("--dir", dir.toString(), "down")).isZero();

        assertThat(out.toString()).contains("lab down: no lab process left");
        assertThat(victim.status()).noneMatch(s -> s.up());
    }

    @Test
    void anUnknownServiceIsAUsageErrorWithAHint() {
        assertThat(lab("--dir", dir.toString(), "up", "rabbit")).isEqualTo(2);

        assertThat(err.toString().strip()).isEqualTo("opsh lab up: unknown lab service 'rabbit'; did you mean 'rabbitmq'?");
        assertThat(out.toString()).isEmpty();
        assertThat(dir.resolve("lab.properties")).doesNotExist();
    }

    @Test
    void statusOfALabNeverCreatedSaysSoAndCreatesNothing() {
        Path fresh = dir.resolve("never-used");

        assertThat(lab("--dir", fresh.toString(), "status")).isZero();

        assertThat(out.toString()).contains("not created yet");
        assertThat(fresh).doesNotExist();
    }

    @Test
    void noSubcommandPrintsUsage() {
        assertThat(lab()).isEqualTo(2);
        assertThat(err.toString()).contains("Usage: lab");
    }
}
