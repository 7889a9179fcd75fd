package dev.opsh.lab;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** Opens a loopback TCP connection, optionally says something, and reads the first bytes of the answer. */
final class TcpProbe {
    private TcpProbe() {}

    /** Up to {@code length} bytes the server at 127.0.0.1:{@code port} sends after {@code say} (may be empty). */
    static String exchange(int port, String say, int length) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            socket.setSoTimeout(2000);
            if (!say.isEmpty()) {
                socket.getOutputStream().write(say.getBytes(StandardCharsets.US_ASCII));
            }
            return new String(socket.getInputStream().readNBytes(length), StandardCharsets.US_ASCII);
        }
    }
}
