package dev.opsh.adapters.rabbitmq;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opsh.ExitCode;
import dev.opsh.OpshException;
import dev.opsh.adapters.Interruption;
import dev.opsh.adapters.ServiceEndpoint;
import dev.opsh.dsl.InFlight;
import dev.opsh.dsl.OpsContext;
import dev.opsh.inventory.Deadlines;
import dev.opsh.inventory.Durations;
import dev.opsh.inventory.Service;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The RabbitMQ management HTTP API of one service, over the JDK HTTP client: GETs with the
 * service's connect and read deadlines, cancelled by Ctrl-C, and HTTP failures turned into
 * operator messages (401 is an authentication failure, 404 an unknown vhost).
 */
public final class ManagementApi implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long BACKSTOP_SLACK_MS = 500;

    private final String service;
    private final String user;
    private final String endpoint;
    private final String authorization;
    private final Deadlines deadlines;
    private final InFlight inFlight;
    private final ExecutorService executor;
    private final HttpClient http;

    public ManagementApi(String service, String address, int port, String user, String password, Deadlines deadlines,
            InFlight inFlight) {
        this.service = service;
        this.user = user;
        this.endpoint = address + ":" + port;
        this.authorization = "Basic " + Base64.getEncoder().encodeToString(
                (user + ":" + (password == null ? "" : password)).getBytes(StandardCharsets.UTF_8));
        this.deadlines = deadlines;
        this.inFlight = inFlight;
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "opsh-rabbitmq-http");
            t.setDaemon(true);
            return t;
        });
        this.http = HttpClient.newBuilder().connectTimeout(deadlines.connect()).executor(executor)
                .version(HttpClient.Version.HTTP_1_1).build();
    }

    /** The session's API client for {@code service}, after the provisioner has made it reachable. */
    public static ManagementApi of(OpsContext context, Service service) {
        context.provisioner().prepare(service);
        return context.client("rabbitmq.management:" + service.name(), () -> new ManagementApi(service.name(),
                ServiceEndpoint.of(context.inventory(), service, 0).address(), service.port("management", 15672),
                service.user() == null ? "guest" : service.user(), context.secrets().resolve(service.password()),
                service.deadlines(), context.inFlight()));
    }

    /** "rabbitmq 'name' (host:port)": how messages name this API. */
    public String describe() {
        return "rabbitmq '" + service + "' management API (" + endpoint + ")";
    }

    /** {@code GET /api/<path>?<query>} as JSON; null when the API answers 404. */
    public JsonNode get(String path, String query) {
        URI uri = URI.create("http://" + endpoint + "/api/" + path + (query == null ? "" : "?" + query));
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(deadlines.read()).header("Authorization", authorization)
                .header("Accept", "application/json").GET().build();
        String tried = "GET /api/" + path;
        CompletableFuture<HttpResponse<byte[]>> call = http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<byte[]> response;
        try (InFlight.Registration ignored = inFlight.register(() -> call.cancel(true))) {
            // The client's own deadlines fire first; this backstop covers a body that stalls after the headers.
            long limit = deadlines.connect().plus(deadlines.read()).toMillis() + BACKSTOP_SLACK_MS;
            response = call.get(limit, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            call.cancel(true);
            Thread.currentThread().interrupt();
            throw failure(tried + " cancelled", e);
        } catch (CancellationException e) {
            throw failure(tried + " cancelled", Interruption.of(e));
        } catch (TimeoutException e) {
            call.cancel(true);
            throw failure(tried + ": no answer within " + Durations.format(deadlines.connect().plus(deadlines.read())), e);
        } catch (ExecutionException e) {
            throw failure(tried + ": " + reason(e.getCause()), e.getCause());
        }
        return body(tried, response);
    }

    private JsonNode body(String tried, HttpResponse<byte[]> response) {
        int status = response.statusCode();
        if (status == 401) {
            throw new OpshException(ExitCode.FAILURE, "rabbitmq '" + service + "': authentication failed for user " + user
                    + " at " + endpoint + " (" + tried + " answered 401)");
        }
        if (status == 404) {
            return null;
        }
        if (status != 200) {
            throw failure(tried + " answered HTTP " + status + ": " + errorReason(response.body()), null);
        }
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw failure(tried + " answered something that is not JSON: " + e.getMessage().lines().findFirst().orElse(""), e);
        }
    }

    private String reason(Throwable cause) {
        if (cause instanceof HttpConnectTimeoutException) {
            return "no TCP connection within " + Durations.format(deadlines.connect());
        }
        if (cause instanceof HttpTimeoutException) {
            return "connected but no answer within " + Durations.format(deadlines.read());
        }
        if (cause instanceof ConnectException) {
            return "connection refused (is the management plugin listening on that port?)";
        }
        if (cause instanceof IOException && cause.getMessage() != null) {
            return cause.getMessage();
        }
        return cause.toString();
    }

    private static String errorReason(byte[] body) {
        try {
            JsonNode json = JSON.readTree(body);
            return json.path("reason").asText(json.path("error").asText("no reason given"));
        } catch (IOException e) {
            String text = new String(body, StandardCharsets.UTF_8).strip();
            return text.length() > 200 ? text.substring(0, 200) + "..." : text;
        }
    }

    /** An error about this API: "rabbitmq 'x' management API (host:port): detail". */
    OpshException failure(String detail, Throwable cause) {
        return new OpshException(ExitCode.FAILURE, describe() + ": " + detail, cause);
    }

    /** A path segment such as a vhost, escaped: {@code /} becomes {@code %2F}. */
    static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
