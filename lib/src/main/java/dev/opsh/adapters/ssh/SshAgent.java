package dev.opsh.adapters.ssh;

import java.io.EOFException;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A client of the OpenSSH agent protocol (draft-miller-ssh-agent) over the agent's Unix socket,
 * the one {@code SSH_AUTH_SOCK} names. It lists the agent's keys and asks it to sign; private keys
 * never leave the agent. sshj 0.40 has no agent support, so opsh speaks the four messages it needs.
 */
final class SshAgent implements AutoCloseable {
    private static final byte FAILURE = 5;
    private static final byte REQUEST_IDENTITIES = 11;
    private static final byte IDENTITIES_ANSWER = 12;
    private static final byte SIGN_REQUEST = 13;
    private static final byte SIGN_RESPONSE = 14;
    private static final int MAX_MESSAGE = 256 * 1024;

    /** Sign flag asking for an rsa-sha2-256 signature from an RSA key. */
    static final int RSA_SHA2_256 = 2;
    /** Sign flag asking for an rsa-sha2-512 signature from an RSA key. */
    static final int RSA_SHA2_512 = 4;

    private final Path socket;
    private final SocketChannel channel;

    /** One key the agent holds: its public blob and the comment it was added with. */
    record Identity(byte[] blob, String comment) {
        /** The key type named at the start of the blob, such as {@code ssh-ed25519}. */
        String type() {
            ByteBuffer b = ByteBuffer.wrap(blob);
            return new String(readString(b), StandardCharsets.US_ASCII);
        }

        String fingerprint() {
            return HostKeys.fingerprint(blob);
        }
    }

    private SshAgent(Path socket, SocketChannel channel) {
        this.socket = socket;
        this.channel = channel;
    }

    static SshAgent connect(Path socket) throws IOException {
        SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            channel.connect(UnixDomainSocketAddress.of(socket));
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        return new SshAgent(socket, channel);
    }

    Path socket() {
        return socket;
    }

    List<Identity> identities() throws IOException {
        ByteBuffer answer = call(ByteBuffer.allocate(1).put(REQUEST_IDENTITIES), IDENTITIES_ANSWER);
        int count = answer.getInt();
        List<Identity> identities = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            byte[] blob = readString(answer);
            identities.add(new Identity(blob, new String(readString(answer), StandardCharsets.UTF_8)));
        }
        return identities;
    }

    /** The agent's signature of {@code data} with the key {@code blob}, in SSH signature encoding. */
    byte[] sign(byte[] blob, byte[] data, int flags) throws IOException {
        ByteBuffer request = ByteBuffer.allocate(1 + 4 + blob.length + 4 + data.length + 4)
                .put(SIGN_REQUEST).putInt(blob.length).put(blob).putInt(data.length).put(data).putInt(flags);
        return readString(call(request, SIGN_RESPONSE));
    }

    private ByteBuffer call(ByteBuffer body, byte expected) throws IOException {
        body.flip();
        ByteBuffer framed = ByteBuffer.allocate(4 + body.remaining()).putInt(body.remaining()).put(body).flip();
        while (framed.hasRemaining()) {
            channel.write(framed);
        }
        int length = readFully(ByteBuffer.allocate(4)).getInt();
        if (length < 1 || length > MAX_MESSAGE) {
            throw new IOException("the agent at " + socket + " sent a message of " + length + " bytes");
        }
        ByteBuffer reply = readFully(ByteBuffer.allocate(length));
        byte type = reply.get();
        if (type == FAILURE) {
            throw new IOException("the agent at " + socket + " refused the request");
        }
        if (type != expected) {
            throw new IOException("the agent at " + socket + " answered message " + type + " instead of " + expected);
        }
        return reply;
    }

    private ByteBuffer readFully(ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            if (channel.read(buffer) < 0) {
                throw new EOFException("the agent at " + socket + " closed the connection");
            }
        }
        return buffer.flip();
    }

    private static byte[] readString(ByteBuffer b) {
        byte[] bytes = new byte[b.getInt()];
        b.get(bytes);
        return bytes;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
