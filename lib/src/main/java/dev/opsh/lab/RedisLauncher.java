package dev.opsh.lab;

import java.io.IOException;
import java.nio.file.Files;

/** The lab's Redis: no persistence, no password, loopback only. */
final class RedisLauncher implements ServiceLauncher {
    private final LabConfig config;

    RedisLauncher(LabConfig config) {
        this.config = config;
    }

    @Override
    public String name() {
        return "redis";
    }

    @Override
    public int port() {
        return config.port("redis");
    }

    @Override
    public void prepare(LabListener listener) throws IOException {
        Files.createDirectories(config.redisDir());
    }

    @Override
    public void awaitReady() {
        Readiness.await(name(), "127.0.0.1:" + port(), readyTimeout(), () -> {
            String reply = TcpProbe.exchange(port(), "PING\r\n", 7);
            return reply.equals("+PONG\r\n") ? null : "PING answered '" + reply.strip() + "'";
        });
    }
}
