package dev.opsh.lab;

import java.io.IOException;
import java.nio.file.Files;

/** The lab's HAProxy: a TCP proxy in front of the lab's PostgreSQL, with an admin stats socket. */
final class HaproxyLauncher implements ServiceLauncher {
    private final LabConfig config;

    HaproxyLauncher(LabConfig config) {
        this.config = config;
    }

    @Override
    public String name() {
        return "haproxy";
    }

    @Override
    public int port() {
        return config.port("haproxy");
    }

    @Override
    public void prepare(LabListener listener) throws IOException {
        Files.createDirectories(config.haproxyDir());
        Files.writeString(config.haproxyDir().resolve("haproxy.cfg"), """
                # Written by opsh at every 'lab up'.
                global
                    maxconn 200
                    stats socket %s mode 600 level admin
                    stats timeout 30s

                defaults
                    mode tcp
                    timeout connect 2s
                    timeout client 1h
                    timeout server 1h

                listen postgres
                    bind 127.0.0.1:%d
                    server pg1 127.0.0.1:%d check inter 1s fall 2 rise 1
                """.formatted(config.statsSocket(), port(), config.port("pg")));
    }

    @Override
    public void awaitReady() {
        Readiness.await(name(), config.statsSocket().toString(), readyTimeout(), () -> {
            String info = HaproxyStats.command(config.statsSocket(), "show info");
            return info.contains("Name: HAProxy") ? null : "'show info' answered: " + ProcessRunner.lastLines(info);
        });
    }
}
