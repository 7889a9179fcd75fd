package dev.opsh.lab;

import dev.opsh.ExitCode;
import dev.opsh.OpshException;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * A lab's generated settings: its loopback ports, its RabbitMQ node name and its passwords, kept in
 * {@code lab.properties} (and {@code lab.env} for labctl) under the state directory, plus the paths of
 * everything inside it. Creating one writes these files and starts nothing, so an inventory can name
 * the lab's ports before the lab ever runs. Ports are picked once and kept; see {@link Lab}.
 */
public record LabConfig(Path dir, Map<String, Integer> ports, String rabbitNode) {
    /** The names of the allocated ports, as in {@code lab.properties} ({@code port.NAME}). */
    public static final List<String> PORT_NAMES = List.of("pg", "redis", "amqp", "management", "dist", "epmd", "ssh", "haproxy");
    static final String DATABASE = "veza";
    static final String APP_USER = "opsh";
    static final String STANZA = "lab";
    private static final String FILE = "lab.properties";
    private static final String ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public LabConfig {
        dir = dir.toAbsolutePath().normalize();
        ports = Map.copyOf(ports);
    }

    /** The settings of the lab at {@code dir}, created (files only) the first time. */
    public static LabConfig loadOrCreate(Path dir) {
        return LabLock.with(dir, () -> load(dir).orElseGet(() -> create(dir)));
    }

    /** The settings of the lab at {@code dir}, if it was ever created. */
    public static Optional<LabConfig> load(Path dir) {
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new OpshException(ExitCode.FAILURE, "cannot read the lab's settings " + file + ": " + e.getMessage(), e);
        }
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (String name : PORT_NAMES) {
            String value = properties.getProperty("port." + name);
            try {
                ports.put(name, Integer.parseInt(value));
            } catch (NumberFormatException e) {
                throw new OpshException(ExitCode.FAILURE, file + " has no valid port." + name
                        + "; remove the lab's directory " + dir + " to rebuild it");
            }
        }
        return Optional.of(new LabConfig(dir, ports, properties.getProperty("rabbitmq.node")));
    }

    private static LabConfig create(Path dir) {
        List<Integer> picked = PortAllocator.allocate(PORT_NAMES.size());
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (int i = 0; i < PORT_NAMES.size(); i++) {
            ports.put(PORT_NAMES.get(i), picked.get(i));
        }
        byte[] id = new byte[3];
        new SecureRandom().nextBytes(id);
        LabConfig config = new LabConfig(dir, ports, "opsh-lab-" + HexFormat.of().formatHex(id) + "@localhost");
        try {
            config.write();
        } catch (IOException e) {
            throw new OpshException(ExitCode.FAILURE, "cannot create the lab's settings in " + dir + ": " + e.getMessage(), e);
        }
        return config;
    }

    private void write() throws IOException {
        Files.createDirectories(secretsDir());
        Files.setPosixFilePermissions(secretsDir(), PosixFilePermissions.fromString("rwx------"));
        writeSecret(pgPasswordFile());
        writeSecret(rabbitPasswordFile());
        StringBuilder env = new StringBuilder("# Written by opsh from lab.properties; read by labctl.\n");
        env.append("PG_PORT=").append(port("pg")).append('\n')
                .append("REDIS_PORT=").append(port("redis")).append('\n')
                .append("AMQP_PORT=").append(port("amqp")).append('\n')
                .append("MGMT_PORT=").append(port("management")).append('\n')
                .append("DIST_PORT=").append(port("dist")).append('\n')
                .append("EPMD_PORT=").append(port("epmd")).append('\n')
                .append("SSH_PORT=").append(port("ssh")).append('\n')
                .append("HAPROXY_PORT=").append(port("haproxy")).append('\n')
                .append("RABBIT_NODE=").append(rabbitNode).append('\n');
        Files.writeString(dir.resolve("lab.env"), env);
        Properties properties = new Properties();
        ports.forEach((name, port) -> properties.setProperty("port." + name, Integer.toString(port)));
        properties.setProperty("rabbitmq.node", rabbitNode);
        Path tmp = dir.resolve(FILE + ".tmp");
        try (Writer writer = Files.newBufferedWriter(tmp)) {
            properties.store(writer, "opsh lab: ports picked once, kept for the life of this directory");
        }
        Files.move(tmp, dir.resolve(FILE), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private static void writeSecret(Path file) throws IOException {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 24; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        Files.writeString(file, password + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    }

    public int port(String name) {
        Integer port = ports.get(name);
        if (port == null) {
            throw new IllegalArgumentException("no lab port " + name);
        }
        return port;
    }

    public Path labctl() {
        return dir.resolve("labctl");
    }

    public Path runDir() {
        return dir.resolve("run");
    }

    public Path log(String service) {
        return dir.resolve("logs").resolve(service + ".log");
    }

    public Path pgDir() {
        return dir.resolve("pg");
    }

    public Path pgData() {
        return pgDir().resolve("data");
    }

    public Path pgbackrestDir() {
        return dir.resolve("pgbackrest");
    }

    public Path redisDir() {
        return dir.resolve("redis");
    }

    public Path rabbitDir() {
        return dir.resolve("rabbitmq");
    }

    public Path sshDir() {
        return dir.resolve("ssh");
    }

    public Path clientKey() {
        return sshDir().resolve("id_ed25519");
    }

    public Path knownHosts() {
        return sshDir().resolve("known_hosts");
    }

    public Path haproxyDir() {
        return dir.resolve("haproxy");
    }

    public Path statsSocket() {
        return haproxyDir().resolve("stats.sock");
    }

    public Path secretsDir() {
        return dir.resolve("secrets");
    }

    /** The password of the PostgreSQL roles {@code opsh} and {@code postgres}. */
    public Path pgPasswordFile() {
        return secretsDir().resolve("pg.password");
    }

    /** The password of the RabbitMQ administrator {@code opsh}. */
    public Path rabbitPasswordFile() {
        return secretsDir().resolve("rabbitmq.password");
    }

    String pgPassword() {
        return readSecret(pgPasswordFile());
    }

    String rabbitPassword() {
        return readSecret(rabbitPasswordFile());
    }

    private static String readSecret(Path file) {
        try {
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
