package dev.opsh.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;

/**
 * The lab's PostgreSQL 15: a cluster under {@code pg/data}, listening on 127.0.0.1 and on a socket in
 * {@code pg/}, archiving its WAL to pgBackRest, with the upload-pipeline database {@code veza}.
 */
final class PostgresLauncher implements ServiceLauncher {
    private static final String BIN = "/usr/lib/postgresql/15/bin/";

    private final LabConfig config;
    private final PgBackRestSetup backup;

    PostgresLauncher(LabConfig config, Labctl labctl) {
        this.config = config;
        this.backup = new PgBackRestSetup(config, labctl);
    }

    @Override
    public String name() {
        return "postgres";
    }

    @Override
    public int port() {
        return config.port("pg");
    }

    @Override
    public Duration readyTimeout() {
        return Duration.ofSeconds(60);
    }

    @Override
    public void prepare(LabListener listener) throws IOException {
        PostgresAccount.ownedDirectory(config.pgDir());
        backup.prepare();
        Path data = config.pgData();
        if (!Files.exists(data.resolve("PG_VERSION"))) {
            listener.step(name(), "creating the cluster (initdb)");
            initdb(data);
        }
        writeOwned(data.resolve("lab.conf"), settings());
        writeOwned(data.resolve("pg_hba.conf"), """
                # Written by opsh. The socket is reachable only through the lab's private directory.
                local all all trust
                host  all all 127.0.0.1/32 scram-sha-256
                """);
    }

    private void initdb(Path data) throws IOException {
        Path passwordFile = config.pgDir().resolve("initdb.pw");
        writeOwned(passwordFile, config.pgPassword() + "\n");
        try {
            ProcessRunner.run("initdb of the lab's PostgreSQL", Duration.ofSeconds(120), PostgresAccount.command(BIN + "initdb",
                    "-D", data.toString(), "-U", "postgres", "--auth-local=trust", "--auth-host=scram-sha-256",
                    "--pwfile=" + passwordFile, "--no-locale", "-E", "UTF8", "--no-sync"));
        } finally {
            Files.deleteIfExists(passwordFile);
        }
        Files.writeString(data.resolve("postgresql.conf"), "\ninclude 'lab.conf'\n", StandardOpenOption.APPEND);
    }

    private String settings() {
        return """
                # Written by opsh at every 'lab up'; the lab's settings on top of initdb's defaults.
                listen_addresses = '127.0.0.1'
                port = %d
                unix_socket_directories = '%s'
                max_connections = 50
                shared_buffers = 32MB
                fsync = off
                synchronous_commit = off
                wal_level = replica
                archive_mode = on
                archive_command = 'pgbackrest --config=%s --stanza=%s archive-push %%p'
                max_wal_size = 256MB
                log_line_prefix = '%%m [%%p] '
                """.formatted(port(), config.pgDir(), backup.configFile(), LabConfig.STANZA);
    }

    private static void writeOwned(Path file, String text) throws IOException {
        Files.writeString(file, text);
        PostgresAccount.own(file);
    }

    @Override
    public void awaitReady() {
        Readiness.await(name(), "127.0.0.1:" + port(), readyTimeout(), () -> {
            try (Connection connection = connect("postgres", "postgres"); Statement statement = connection.createStatement()) {
                statement.execute("select 1");
                return null;
            }
        });
    }

    @Override
    public void initialize(LabListener listener) throws IOException {
        Path seeded = config.pgDir().resolve("seeded");
        if (!Files.exists(seeded)) {
            listener.step(name(), "seeding database " + LabConfig.DATABASE);
            try {
                new PostgresSeed(config).apply(this);
            } catch (SQLException e) {
                throw new IOException("seeding the lab's database failed: " + e.getMessage(), e);
            }
            Files.writeString(seeded, "");
        }
        backup.firstBackup(listener);
    }

    /** A connection over TCP with the lab's password (shared by the roles postgres and opsh). */
    Connection connect(String database, String user) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", config.pgPassword());
        properties.setProperty("connectTimeout", "2");
        properties.setProperty("socketTimeout", "60");
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port() + "/" + database, properties);
    }
}
