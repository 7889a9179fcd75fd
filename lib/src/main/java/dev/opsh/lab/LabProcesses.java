package dev.opsh.lab;

import dev.opsh.ExitCode;
import dev.opsh.OpshException;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The processes labctl recorded in {@code run/SERVICE.pid} ("PID START-TICKS"), checked against
 * {@code /proc}. The start time in clock ticks since boot tells our process apart from a later one
 * that reuses its PID; every service leads its own process group, so the group shows what is left
 * of it (a killed postmaster's backends, for instance).
 */
final class LabProcesses {
    /** One PID file. */
    record Recorded(String service, long pid, long startTicks) {}

    private record Stat(char state, long processGroup, long startTicks) {}

    private LabProcesses() {}

    static List<Recorded> recorded(Path runDir) {
        List<Recorded> result = new ArrayList<>();
        if (!Files.isDirectory(runDir)) {
            return result;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(runDir, "*.pid")) {
            for (Path file : files) {
                String[] fields = Files.readString(file).trim().split("\\s+");
                if (fields.length == 2) {
                    String service = file.getFileName().toString().replaceFirst("\\.pid$", "");
                    result.add(new Recorded(service, Long.parseLong(fields[0]), Long.parseLong(fields[1])));
                }
            }
        } catch (NoSuchFileException e) {
            return result;
        } catch (IOException | NumberFormatException e) {
            throw new OpshException(ExitCode.FAILURE, "a lab PID file in " + runDir + " is unreadable (" + e.getMessage()
                    + "); check the processes named in its logs by hand before removing it", e);
        }
        return result;
    }

    /** Whether the recorded process, or any live member of its process group, is still there. */
    static boolean leftBehind(Recorded recorded) {
        Optional<Stat> leader = stat(recorded.pid());
        if (leader.isPresent() && leader.get().startTicks() != recorded.startTicks()) {
            return false;
        }
        return leader.filter(s -> s.state() != 'Z').isPresent() || groupAlive(recorded.pid());
    }

    private static boolean groupAlive(long group) {
        try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
            return entries.map(p -> p.getFileName().toString())
                    .filter(name -> name.chars().allMatch(Character::isDigit))
                    .map(name -> stat(Long.parseLong(name)))
                    .flatMap(Optional::stream)
                    .anyMatch(s -> s.processGroup() == group && s.state() != 'Z');
        } catch (IOException e) {
            throw new IllegalStateException("cannot list /proc", e);
        }
    }

    private static Optional<Stat> stat(long pid) {
        String text;
        try {
            text = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        } catch (IOException e) {
            return Optional.empty();
        }
        String[] fields = text.substring(text.lastIndexOf(") ") + 2).trim().split(" ");
        return Optional.of(new Stat(fields[0].charAt(0), Long.parseLong(fields[2]), Long.parseLong(fields[19])));
    }
}
