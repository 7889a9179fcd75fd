package dev.opsh.lab;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
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
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port()), 1000);
                socket.setSoTimeout(2000);
                socket.getOutputStream().write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
                InputStream in = socket.getInputStream();
                byte[] reply = in.readNBytes(7);
                String text = new String(reply, StandardCharsets.US_ASCII);
                return text.equals("+PONG\r\n") ? null : "PING answered '" + text.strip() + "'";
            }
        });
    }
}
