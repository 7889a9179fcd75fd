package dev.opsh.adapters.haproxy;

import dev.opsh.ExitCode;
import dev.opsh.OpshException;
import dev.opsh.adapters.CommandResult;
import dev.opsh.adapters.CommandRunner;
import dev.opsh.adapters.Interruption;
import dev.opsh.adapters.ServiceEndpoint;
import dev.opsh.adapters.ssh.SshCommandRunner;
import dev.opsh.dsl.OpsContext;
import dev.opsh.inventory.Durations;
import dev.opsh.inventory.Host;
import dev.opsh.inventory.Service;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/**
 * HAProxy's runtime API on its stats socket: read directly when the host is this machine
 * ({@code local: true}), otherwise through {@code socat} over SSH. One command per connection,
 * bounded by the service's read deadline.
 */
public final class StatsSocket {
    private final Service service;
    private final Host host;
    private final String socket;
    private final CommandRunner remote;

    StatsSocket(Service service, Host host, CommandRunner remote) {
        this.service = service;
        this.host = host;
        this.remote = remote;
        this.socket = service.setting("statsSocket");
        if (socket == null) {
            throw new OpshException(ExitCode.FAILURE, "haproxy '" + service.name() + "' has no 'statsSocket' in the inventory;"
                    + " set it to the path of HAProxy's 'stats socket'");
        }
    }

    /** The stats socket of {@code service}, after the provisioner has made it reachable. */
    public static StatsSocket of(OpsContext context, Service service) {
        context.provisioner().prepare(service);
        Host host = ServiceEndpoint.of(context.inventory(), service, 0).host();
        return new StatsSocket(service, host, host.local() ? null : SshCommandRunner.of(context));
    }

    /** "haproxy 'lb' (host:/run/haproxy/admin.sock)": how messages name this socket. */
    public String describe() {
        return "haproxy '" + service.name() + "' (" + host.name() + ":" + socket + ")";
    }

    /** The answer to one runtime API command, such as {@code show stat}. */
    public String ask(String command) {
        Duration deadline = service.deadlines().read();
        if (remote == null) {
            return askLocally(command, deadline);
        }
        CommandResult result = remote.run(host, "echo " + quote(command) + " | socat - UNIX-CONNECT:" + quote(socket), deadline);
        if (!result.succeeded()) {
            throw failure("'" + command + "' through socat over SSH exited " + result.exit() + ": " + result.stderr(), null);
        }
        return result.stdout();
    }

    private String askLocally(String command, Duration deadline) {
        long end = System.nanoTime() + deadline.toNanos();
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
             Selector selector = Selector.open()) {
            channel.connect(UnixDomainSocketAddress.of(Path.of(socket)));
            ByteBuffer request = ByteBuffer.wrap((command + "\n").getBytes(StandardCharsets.US_ASCII));
            while (request.hasRemaining()) {
                channel.write(request);
            }
            channel.configureBlocking(false);
            channel.register(selector, SelectionKey.OP_READ);
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
            while (true) {
                long left = (end - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    throw failure("no complete answer to '" + command + "' within " + Durations.format(deadline), null);
                }
                selector.select(left);
                if (Thread.currentThread().isInterrupted()) {
                    throw failure("'" + command + "' cancelled", Interruption.of(null));
                }
                selector.selectedKeys().clear();
                int n;
                while ((n = channel.read(buffer.clear())) > 0) {
                    answer.write(buffer.array(), 0, n);
                }
                if (n < 0) {
                    return answer.toString(StandardCharsets.UTF_8);
                }
            }
        } catch (IOException e) {
            throw failure("cannot ask '" + command + "' on the stats socket: " + e.getMessage(), e);
        }
    }

    OpshException failure(String detail, Throwable cause) {
        return new OpshException(ExitCode.FAILURE, describe() + ": " + detail, cause);
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
