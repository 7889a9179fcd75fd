package dev.opsh.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The lab's RabbitMQ 3.10: a private node with its own epmd, the management plugin, the runbook's
 * durable queues with messages waiting, and an administrator {@code opsh}.
 */
final class RabbitMqLauncher implements ServiceLauncher {
    private final LabConfig config;

    RabbitMqLauncher(LabConfig config) {
        this.config = config;
    }

    @Override
    public String name() {
        return "rabbitmq";
    }

    @Override
    public int port() {
        return config.port("amqp");
    }

    @Override
    public Duration readyTimeout() {
        return Duration.ofSeconds(120);
    }

    @Override
    public void prepare(LabListener listener) throws IOException {
        Path dir = config.rabbitDir();
        Files.createDirectories(dir.resolve("mnesia"));
        Files.createDirectories(dir.resolve("log"));
        Files.writeString(dir.resolve("rabbitmq.conf"), """
                # Written by opsh at every 'lab up'.
                listeners.tcp.default = 127.0.0.1:%d
                management.tcp.port = %d
                management.tcp.ip = 127.0.0.1
                collect_statistics_interval = 1000
                """.formatted(port(), config.port("management")));
        Files.writeString(dir.resolve("enabled_plugins"), "[rabbitmq_management].\n");
        Files.writeString(dir.resolve("none.conf"), "");
    }

    @Override
    public void awaitReady() {
        RabbitMqManagement guest = new RabbitMqManagement(config.port("management"), "guest", "guest");
        Readiness.await(name(), "127.0.0.1:" + config.port("management") + " (management API)", readyTimeout(), () -> {
            RabbitMqManagement.Answer answer = guest.get("overview");
            return answer.ok() ? null : "GET /api/overview answered " + answer.status();
        });
    }

    @Override
    public void initialize(LabListener listener) throws IOException {
        Path seeded = config.rabbitDir().resolve("seeded");
        if (Files.exists(seeded)) {
            return;
        }
        listener.step(name(), "creating user opsh and the runbook's queues");
        try {
            new RabbitMqSeed(config).apply();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while seeding RabbitMQ", e);
        }
        Files.writeString(seeded, "");
    }
}
