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
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Compiled inputs kept between sessions, so an {@code opsh -e} or a runbook run again skips Groovy's
 * compiler (its parser, its name resolver's listing of the JDK, its class writer), as Python keeps
 * {@code __pycache__}. An entry is the class files one input compiled to, named by a SHA-256 of the
 * input and of everything else the bytes depend on: the JVM, Groovy's settings, and the jars and
 * class directories of the class path, opsh's and Groovy's among them.
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
            if (!ownedAlone(dir) || !Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS) || !ownedAlone(entry)
                    || Files.size(entry) > MAX_ENTRY_BYTES) {
                return null;
            }
            return read(Files.readAllBytes(entry), source);
        } catch (IOException | RuntimeException unusable) {
            return null;
        }
    }

    /**
     * Class files run as the operator: none are taken from a directory or a file that is not the
     * operator's, or that anyone else can write to.
     */
    private static boolean ownedAlone(Path path) throws IOException {
        var permissions = Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS);
        return Files.getOwner(path, LinkOption.NOFOLLOW_LINKS).getName().equals(System.getProperty("user.name"))
                && !permissions.contains(PosixFilePermission.GROUP_WRITE)
                && !permissions.contains(PosixFilePermission.OTHERS_WRITE);
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

    private static FileTime modified(Path file) {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class).lastModifiedTime();
        } catch (IOException gone) {
            return FileTime.fromMillis(0);
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
     * What a compiled input depends on besides its source: the format of an entry, the JVM, Groovy's
     * settings, and every jar or class directory the compiler could resolve a name in (opsh's,
     * Groovy's and the class path's: path, size and modification time, so a rebuild gives new ones).
     * Worked out once, on first use, on the thread that compiles.
     */
    private static final class Build {
        static final String ID = id();

        private static String id() {
            StringBuilder id = new StringBuilder("format " + FORMAT).append('\n').append(System.getProperty("java.vm.version"));
            System.getProperties().stringPropertyNames().stream().filter(name -> name.startsWith("groovy.")).sorted()
                    .forEach(name -> id.append('\n').append(name).append('=').append(System.getProperty(name)));
            Set<Path> places = new LinkedHashSet<>();
            for (Class<?> c : List.of(ScriptCompiler.class, GroovySystem.class)) {
                CodeSource source = c.getProtectionDomain().getCodeSource();
                if (source != null && source.getLocation() != null) {
                    try {
                        places.add(Path.of(source.getLocation().toURI()));
                    } catch (URISyntaxException | RuntimeException unusual) {
                        id.append("\nunknown code source ").append(System.nanoTime()); // never reused
                    }
                }
            }
            for (String entry : System.getProperty("java.class.path", "").split(java.io.File.pathSeparator)) {
                if (!entry.isEmpty()) {
                    places.add(Path.of(entry).toAbsolutePath());
                }
            }
            places.forEach(place -> id.append('\n').append(place).append(' ').append(stamp(place)));
            return id.toString();
        }

        /** A jar's size and time; for a directory of classes (a build's), the newest time and total size in it. */
        private static String stamp(Path place) {
            try {
                BasicFileAttributes attributes = Files.readAttributes(place, BasicFileAttributes.class);
                if (!attributes.isDirectory()) {
                    return attributes.size() + " " + attributes.lastModifiedTime().toMillis();
                }
                long newest = 0;
                long size = 0;
                try (Stream<Path> files = Files.walk(place)) {
                    for (Path file : (Iterable<Path>) files::iterator) {
                        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
                        newest = Math.max(newest, a.lastModifiedTime().toMillis());
                        size += a.size();
                    }
                }
                return "directory " + size + " " + newest;
            } catch (IOException | RuntimeException missing) {
                return "missing";
            }
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
            byte[] text = in.readNBytes(length(in));
            if (!Arrays.equals(text, source.getBytes(StandardCharsets.UTF_8))) {
                return null;
            }
            // Every count and length is checked against what is left, so no damaged entry can ask for more memory than it has.
            int count = length(in);
            List<ClassFile> classes = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                String name = in.readUTF();
                byte[] bytes = in.readNBytes(length(in));
                classes.add(new ClassFile(name, bytes));
            }
            return count > 0 && in.read() == -1 ? classes : null;
        }
    }

    /** A count or length read from an entry, which cannot be more than the bytes left in it. */
    private static int length(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > in.available()) {
            throw new IOException("not a whole entry");
        }
        return length;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
