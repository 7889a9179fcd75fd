package dev.opsh.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The way to the first prompt asks the class loader for nothing it would search every jar for:
 * such a search opens all of the shell's 37 jars, about 25 ms of a cold start.
 */
class ClassPathSearchTest {
    @TempDir
    Path dir;

    @Test
    void bothOpshJarsRegisterTheLoggerFinderSoJulsStartingCheckStopsAtTheSecond() throws Exception {
        // The JDK's search reads one registration ahead: with a single one it opens every jar looking for the next.
        List<URL> registrations = Collections.list(getClass().getClassLoader()
                .getResources("META-INF/services/java.lang.System$LoggerFinder"));
        assertThat(registrations).hasSize(2);
        for (URL url : registrations) {
            try (var in = url.openStream()) {
                assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8).strip()).isEqualTo("dev.opsh.JulLoggerFinder");
            }
        }
    }

    @Test
    void nothingBeforeTheFirstPromptLoadsTheJdksSearchingServiceLookups() throws Exception {
        Files.writeString(dir.resolve("lab.yml"), "environment: lab\nhosts:\n  l: {address: 127.0.0.1}\n");
        Path log = dir.resolve("classes.log");
        List<String> command = new ArrayList<>(OpshProcess.command("-i", "lab"));
        command.add(1, "-Xlog:class+load:file=" + log);
        ProcessBuilder builder = new ProcessBuilder(OpshProcess.onATerminal(OpshProcess.shellQuote(command)))
                .redirectErrorStream(true);
        OpshProcess.fixShell(builder.environment());
        builder.environment().put("NO_COLOR", "1");
        builder.environment().put("TERM", "xterm-256color");
        // A zone with summer time, whose name or rules java.time would look up.
        builder.environment().put("TZ", "Europe/Berlin");
        builder.environment().put("OPSH_INVENTORY_DIR", dir.toString());
        builder.environment().put("OPSH_TRANSCRIPT_DIR", dir.resolve("transcripts").toString());
        builder.environment().put("XDG_STATE_HOME", dir.resolve("state").toString());
        builder.environment().remove("INVENTORY");
        Process process = builder.start();
        try (OutputStream in = process.getOutputStream()) {
            in.write("/exit\n".getBytes(StandardCharsets.UTF_8));
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("opsh finished").isTrue();
        assertThat(output).as("the header's local time in Berlin").containsPattern("started .*\\(\\d\\d:\\d\\d:\\d\\d \\+0[12]:00\\)");

        List<String> loaded = Files.readAllLines(log);
        // The REPL's history is the last thing it makes before it draws the prompt.
        int prompt = indexOf(loaded, "dev.opsh.repl.RedactingHistory");
        assertThat(prompt).as("the REPL started").isPositive();
        List<String> beforePrompt = loaded.subList(0, prompt);
        assertThat(indexOf(beforePrompt, "java.util.logging.LogManager")).as("JLine started java.util.logging").isPositive();
        assertThat(beforePrompt.stream().filter(line -> line.contains(" java.time.zone.ZoneRulesProvider ")
                        || line.contains(" jdk.internal.logger.LoggerFinderLoader ")))
                .as("java.time's zone-rules providers and the JDK's loading of a logger finder each search every jar")
                .isEmpty();
    }

    private static int indexOf(List<String> classLoadLog, String className) {
        for (int i = 0; i < classLoadLog.size(); i++) {
            if (classLoadLog.get(i).contains(" " + className + " ")) {
                return i;
            }
        }
        return -1;
    }
}
