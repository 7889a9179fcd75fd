package dev.opsh.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client libraries load when a verb needs them and not before: a fresh opsh that evaluates an
 * expression touching no service loads no class of JDBC, AMQP, Jedis or sshj. Run in its own JVM,
 * since class loading is the JVM's, and checked with -Xlog:class+load.
 */
class LazyClientsTest {
    @TempDir
    Path dir;

    @Test
    void anEvaluationThatUsesNoServiceLoadsNoClientLibrary() throws Exception {
        Files.writeString(dir.resolve("lab.yml"), "environment: lab\nhosts:\n  l: {address: 127.0.0.1}\n");
        Path log = dir.resolve("classes.log");
        List<String> command = new ArrayList<>(OpshProcess.command("--no-transcript", "-e", "[1, 2, 3].sum()"));
        command.add(1, "-Xlog:class+load:file=" + log);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("OPSH_INVENTORY_DIR", dir.toString());
        builder.environment().put("XDG_STATE_HOME", dir.resolve("state").toString());
        builder.environment().remove("INVENTORY");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output.strip()).isEqualTo("6");

        List<String> loaded = Files.readAllLines(log);
        assertThat(loaded).as("the evaluation ran through Groovy").anyMatch(line -> line.contains(" groovy.lang.Script "));
        assertThat(loaded).noneMatch(line -> line.contains(" org.postgresql.") || line.contains(" com.rabbitmq.")
                || line.contains(" redis.clients.") || line.contains(" net.schmizz.") || line.contains(" com.hierynomus."));
    }
}
