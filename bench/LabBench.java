import dev.opsh.cli.LabCommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import picocli.CommandLine;

/**
 * Times 'opsh lab up' cold (fresh state directory) and warm (everything already running), and samples
 * the summed RSS of every process in the lab's process groups every 100 ms, keeping the peak.
 * Run by bench/lab-up.sh; prints one Markdown table row per run.
 */
public class LabBench {
    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        System.out.println("| run | cold up (s) | postgres ready (s) | rabbitmq ready (s) | warm up (s) | peak RSS (MiB) |");
        System.out.println("|---|---|---|---|---|---|");
        for (int round = 1; round <= rounds; round++) {
            Path dir = Files.createTempDirectory("opsh-lab-bench-");
            AtomicLong peak = new AtomicLong();
            Thread sampler = new Thread(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    peak.accumulateAndGet(rssKiB(dir.resolve("run")), Math::max);
                    try {
                        Thread.sleep(100);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            sampler.setDaemon(true);
            sampler.start();
            long start = System.nanoTime();
            String coldOutput = run(dir, "up");
            double cold = (System.nanoTime() - start) / 1e9;
            start = System.nanoTime();
            run(dir, "up");
            double warm = (System.nanoTime() - start) / 1e9;
            Thread.sleep(5000);
            sampler.interrupt();
            sampler.join();
            run(dir, "down");
            System.out.printf(Locale.ROOT, "| %d | %.1f | %s | %s | %.2f | %.0f |%n", round, cold, ready(coldOutput, "postgres"),
                    ready(coldOutput, "rabbitmq"), warm, peak.get() / 1024.0);
            deleteTree(dir);
        }
    }

    /** The seconds 'lab up' printed for a service: "  rabbitmq  ready   8.1 s  started, ...". */
    private static String ready(String output, String service) {
        return output.lines().map(String::trim).filter(l -> l.startsWith(service + " ") && l.contains(" ready "))
                .map(l -> l.replaceFirst("^\\S+\\s+ready\\s+([0-9.]+) s.*$", "$1")).findFirst().orElse("?");
    }

    private static String run(Path dir, String subcommand) {
        StringWriter out = new StringWriter();
        CommandLine command = new CommandLine(new LabCommand());
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(out, true));
        int exit = command.execute("--dir", dir.toString(), subcommand);
        if (exit != 0) {
            throw new IllegalStateException("lab " + subcommand + " exited " + exit + ":\n" + out);
        }
        return out.toString();
    }

    /** The summed VmRSS of every live process whose process group is one the lab recorded. */
    private static long rssKiB(Path runDir) {
        Set<String> groups = new HashSet<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(runDir, "*.pid")) {
            for (Path file : files) {
                groups.add(Files.readString(file).trim().split("\\s+")[0]);
            }
        } catch (IOException e) {
            return 0;
        }
        long total = 0;
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path proc : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    String stat = Files.readString(proc.resolve("stat"));
                    String group = stat.substring(stat.lastIndexOf(") ") + 2).split(" ")[2];
                    if (groups.contains(group)) {
                        for (String line : Files.readAllLines(proc.resolve("status"))) {
                            if (line.startsWith("VmRSS:")) {
                                total += Long.parseLong(line.replaceAll("\\D", ""));
                            }
                        }
                    }
                } catch (IOException | RuntimeException e) {
                    // The process exited while we looked.
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return total;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
