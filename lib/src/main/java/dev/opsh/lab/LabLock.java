package dev.opsh.lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Serialises changes to one lab: between threads of this JVM and, through a lock on
 * {@code lab.lock}, between processes (two shells running {@code lab up} at once).
 */
final class LabLock {
    private static final Map<Path, ReentrantLock> LOCKS = new ConcurrentHashMap<>();

    private LabLock() {}

    static <T> T with(Path dir, Supplier<T> action) {
        Path key = dir.toAbsolutePath().normalize();
        ReentrantLock lock = LOCKS.computeIfAbsent(key, k -> new ReentrantLock());
        lock.lock();
        try {
            if (lock.getHoldCount() > 1) {
                return action.get();
            }
            Files.createDirectories(key);
            try (FileChannel channel = FileChannel.open(key.resolve("lab.lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE); FileLock ignored = channel.lock()) {
                return action.get();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock the lab at " + key, e);
        } finally {
            lock.unlock();
        }
    }

    static void run(Path dir, Runnable action) {
        with(dir, () -> {
            action.run();
            return null;
        });
    }
}
