package dev.opsh.engine;

import groovy.lang.GroovySystem;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * Compiled inputs kept between sessions, so an {@code opsh -e} or a runbook run again skips Groovy's
 * compiler (its parser, its name resolver's listing of the JDK, its class writer), as Python keeps
 * {@code __pycache__}. An entry is the class files one input compiled to, named by a SHA-256 of the
 * input and of everything else the bytes depend on: this build of opsh and of Groovy, and the JVM.
 * Only a session's first inputs use it, while no import or class declared earlier can change what
 * a name means. opsh keeps it in {@code compiled/} under its state directory.
 *
 * <p>It is a cache and never an authority: an entry that is missing, unreadable, truncated, for
 * another source, or in the way of a write is passed over, and the input is compiled as if there
 * were none. The directory is the user's own ({@code 0700}), like the history and the transcripts.
 */
public final class CompiledInputStore {
    /** Keeps nothing: every input is compiled. */
    public static final CompiledInputStore NONE = new CompiledInputStore(null);

    private static final int FORMAT = 1;
    /** Entries kept at most; the oldest go when a new one passes it. */
    private static final int MAX_ENTRIES = 512;
    private static final int MAX_ENTRY_BYTES = 8 << 20;

    private final Path dir;
    private final int maxEntries;

    private CompiledInputStore(Path dir) {
        this(dir, MAX_ENTRIES);
    }

    CompiledInputStore(Path dir, int maxEntries) {
        this.dir = dir;
        this.maxEntries = maxEntries;
    }

    /** A store in {@code dir}, made on the first write. */
    public static CompiledInputStore at(Path dir) {
        return new CompiledInputStore(dir);
    }

    /** One compiled class: its binary name and its class file. */
    public record ClassFile(String name, byte[] bytes) {}

    /** The classes {@code source} compiled to, or null when no usable entry has them. */
    List<ClassFile> find(String source) {
        if (dir == null) {
            return null;
        }
        Path entry = dir.resolve(key(source));
        try {
            if (!ownedAlone(dir) || !Files.isRegularFile(entry) || Files.size(entry) > MAX_ENTRY_BYTES) {
                return null;
            }
            return read(Files.readAllBytes(entry), source);
        } catch (IOException | RuntimeException unusable) {
            return null;
        }
    }

    /** Class files run as the operator: none are taken from a directory anyone else can write to. */
    private static boolean ownedAlone(Path dir) throws IOException {
        var permissions = Files.getPosixFilePermissions(dir);
        return Files.getOwner(dir).getName().equals(System.getProperty("user.name"))
                && !permissions.contains(java.nio.file.attribute.PosixFilePermission.GROUP_WRITE)
                && !permissions.contains(java.nio.file.attribute.PosixFilePermission.OTHERS_WRITE);
    }

    /** Keeps what {@code source} compiled to; a store that cannot be written is left as it is. */
    void save(String source, List<ClassFile> classes) {
        if (dir == null || classes.isEmpty()) {
            return;
        }
        try {
            Files.createDirectories(dir);
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            Path entry = dir.resolve(key(source));
            Path partial = Files.createTempFile(dir, ".entry-", ".partial");
            Files.write(partial, write(source, classes));
            try {
                Files.move(partial, entry, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(partial, entry, StandardCopyOption.REPLACE_EXISTING);
            }
            trim();
        } catch (IOException | RuntimeException unwritable) {
            // A cache that cannot be written only means the next run compiles again.
        }
    }

    /** Drops the oldest entries beyond the most it keeps. */
    private void trim() throws IOException {
        List<Path> entries;
        try (Stream<Path> files = Files.list(dir)) {
            entries = files.toList();
        }
        if (entries.size() <= maxEntries) {
            return;
        }
        List<Path> oldestFirst = new ArrayList<>(entries);
        oldestFirst.sort((a, b) -> modified(a).compareTo(modified(b)));
        for (Path old : oldestFirst.subList(0, oldestFirst.size() - maxEntries)) {
            Files.deleteIfExists(old);
        }
    }

    private static java.nio.file.attribute.FileTime modified(Path file) {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class).lastModifiedTime();
        } catch (IOException gone) {
            return java.nio.file.attribute.FileTime.fromMillis(0);
        }
    }

    /** The entry's name: what the bytes depend on, hashed. */
    static String key(String source) {
        MessageDigest sha256 = sha256();
        sha256.update(Build.ID.getBytes(StandardCharsets.UTF_8));
        sha256.update((byte) 0);
        sha256.update(source.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(sha256.digest());
    }

    /**
     * What a compiled input depends on besides its source: the format of an entry, the JVM, and the
     * jars of opsh and of Groovy (path, size and modification time: a rebuild gives new ones).
     * Worked out on first use, on the thread that compiles.
     */
    private static final class Build {
        static final String ID = String.join("\n", "format " + FORMAT, System.getProperty("java.vm.version"),
                jar(ScriptCompiler.class.getProtectionDomain().getCodeSource()),
                jar(GroovySystem.class.getProtectionDomain().getCodeSource()));
    }

    private static String jar(CodeSource source) {
        if (source == null || source.getLocation() == null) {
            return "?";
        }
        try {
            Path path = Path.of(source.getLocation().toURI());
            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
            // A directory of classes (a test run) changes without its own time changing: never reuse.
            String stamp = attributes.isDirectory() ? "directory " + System.nanoTime()
                    : attributes.size() + " " + attributes.lastModifiedTime().toMillis();
            return path + " " + stamp;
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return "? " + System.nanoTime();
        }
    }

    private static byte[] write(String source, List<ClassFile> classes) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(FORMAT);
            byte[] text = source.getBytes(StandardCharsets.UTF_8);
            out.writeInt(text.length);
            out.write(text);
            out.writeInt(classes.size());
            for (ClassFile c : classes) {
                out.writeUTF(c.name());
                out.writeInt(c.bytes().length);
                out.write(c.bytes());
            }
        }
        return bytes.toByteArray();
    }

    /** The classes of an entry, or null if it is not a whole entry for {@code source}. */
    private static List<ClassFile> read(byte[] entry, String source) throws IOException {
        try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(entry))) {
            if (in.readInt() != FORMAT) {
                return null;
            }
            byte[] text = in.readNBytes(in.readInt());
            if (!Arrays.equals(text, source.getBytes(StandardCharsets.UTF_8))) {
                return null;
            }
            int count = in.readInt();
            List<ClassFile> classes = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                String name = in.readUTF();
                int length = in.readInt();
                byte[] bytes = in.readNBytes(length);
                if (bytes.length != length) {
                    return null;
                }
                classes.add(new ClassFile(name, bytes));
            }
            return count > 0 && in.read() == -1 ? classes : null;
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
