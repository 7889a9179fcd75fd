package dev.opsh.guard;

import dev.opsh.dsl.OpsContext;
import dev.opsh.dsl.Provisioner;
import dev.opsh.inventory.BackupPolicy;
import dev.opsh.inventory.Inventory;
import dev.opsh.inventory.InventoryLoader;
import dev.opsh.inventory.Placeholders;
import dev.opsh.inventory.Secrets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** Inventories and sessions for guard tests. */
public final class GuardTestInventories {
    private GuardTestInventories() {}

    /** A small inventory file: one host, a redis and a four-node minio, protected or not; nothing listens. */
    public static Inventory small(Path dir, boolean isProtected) {
        String yaml = """
                environment: %s
                protected: %s
                hosts:
                  a: {address: 127.0.0.1, port: 1}
                  m1: {address: 127.0.0.1, port: 1}
                  m2: {address: 127.0.0.1, port: 1}
                  m3: {address: 127.0.0.1, port: 1}
                  m4: {address: 127.0.0.1, port: 1}
                services:
                  redis: {host: a, port: 1, unit: redis-server, impact: sessions are lost}
                  minio: {hosts: [m1, m2, m3, m4], port: 1, unit: minio, impact: one of four nodes gone}
                """.formatted(isProtected ? "drill" : "staging", isProtected);
        try {
            Path file = dir.resolve(isProtected ? "drill.yml" : "staging.yml");
            Files.writeString(file, yaml);
            return new InventoryLoader(Placeholders.NONE).load(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A session on {@code inventory} with this environment and terminal. */
    public static OpsContext session(Inventory inventory, Map<String, String> env, ConfirmationPrompt prompt,
            RecordingEvents events) {
        return new OpsContext(inventory, new Secrets(env::get), events, Provisioner.NONE, new Operator(env, prompt));
    }

    /** The same inventory with its backup policy's maxAge replaced, such as 1 ms to make any backup stale. */
    public static Inventory withBackupMaxAge(Inventory inventory, Duration maxAge) {
        BackupPolicy b = inventory.backup();
        return withBackup(inventory, new BackupPolicy(b.host(), b.local(), b.stanza(), maxAge, b.command()));
    }

    public static Inventory withBackup(Inventory i, BackupPolicy backup) {
        return new Inventory(i.name(), i.source(), i.environment(), i.isProtected(), i.lab(), i.hosts(), i.groups(),
                i.services(), i.deadlines(), i.ssh(), backup, i.readOnlyCommands());
    }
}
