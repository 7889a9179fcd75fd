package dev.opsh.lab;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Creates the application role {@code opsh} and its database {@code veza}, then loads the
 * upload-pipeline schema and rows from {@code seed.sql}. Safe to repeat.
 */
final class PostgresSeed {
    private final LabConfig config;

    PostgresSeed(LabConfig config) {
        this.config = config;
    }

    void apply(PostgresLauncher postgres) throws SQLException, IOException {
        String user = LabConfig.APP_USER;
        try (Connection admin = postgres.connect("postgres", "postgres"); Statement statement = admin.createStatement()) {
            if (!exists(admin, "select 1 from pg_roles where rolname = ?", user)) {
                // The password is generated from letters and digits only, so it is safe inside the literal.
                statement.execute("create role " + user + " login password '" + config.pgPassword() + "'");
            }
            statement.execute("grant pg_monitor, pg_signal_backend, pg_checkpoint to " + user);
            if (!exists(admin, "select 1 from pg_database where datname = ?", LabConfig.DATABASE)) {
                statement.execute("create database " + LabConfig.DATABASE + " owner " + user);
            }
        }
        try (Connection app = postgres.connect(LabConfig.DATABASE, user); Statement statement = app.createStatement()) {
            statement.execute(script());
        }
    }

    private static boolean exists(Connection connection, String sql, String name) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, name);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static String script() throws IOException {
        try (InputStream in = PostgresSeed.class.getResourceAsStream("seed.sql")) {
            if (in == null) {
                throw new IOException("seed.sql is missing from the opsh jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
