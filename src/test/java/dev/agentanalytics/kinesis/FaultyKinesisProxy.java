package dev.agentanalytics.kinesis;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP proxy in front of the Kinesis emulator that fails the writes of the alert sink as Kinesis can: every
 * call passes through to the emulator, except PutRecord(s) while writes are throttled (answered with Kinesis's
 * {@code ProvisionedThroughputExceededException}, in the request's own encoding, CBOR or JSON) or out (the
 * connection closed without an answer). The emulator itself has no write limits to exceed.
 */
final class FaultyKinesisProxy implements AutoCloseable {
    /** What happens to a PutRecord or PutRecords call. */
    enum Writes { PASS, THROTTLED, OUT }

    private static final String THROTTLED_ERROR = "ProvisionedThroughputExceededException";
    /** Headers that java.net.http sets itself, or that describe one hop only. */
    private static final Set<String> HOP_HEADERS =
            Set.of("connection", "content-length", "expect", "host", "upgrade", "transfer-encoding", "keep-alive");

    private final URI emulator;
    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(8);
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private volatile Writes writes = Writes.PASS;
    private final AtomicInteger throttled = new AtomicInteger();
    private final AtomicInteger cut = new AtomicInteger();
    private final Map<String, AtomicInteger> calls = new java.util.concurrent.ConcurrentSkipListMap<>();

    FaultyKinesisProxy(String emulatorEndpoint) throws IOException {
        emulator = URI.create(emulatorEndpoint);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void writes(Writes mode) {
        writes = mode;
    }

    /** Write calls answered as throttled so far. */
    int throttled() {
        return throttled.get();
    }

    /** Calls per Kinesis operation, for failure messages. */
    String calls() {
        return calls.toString();
    }

    /** Write calls cut off without an answer so far. */
    int cut() {
        return cut.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            calls.computeIfAbsent(String.valueOf(target), t -> new AtomicInteger()).incrementAndGet();
            boolean write = target != null && (target.endsWith(".PutRecords") || target.endsWith(".PutRecord"));
            Writes mode = writes;
            if (write && mode == Writes.OUT) {
                cut.incrementAndGet();
                return; // closed without a status line: to the client, the service is not there
            }
            if (write && mode == Writes.THROTTLED) {
                throttled.incrementAndGet();
                throttle(exchange);
                return;
            }
            forward(exchange, body);
        } finally {
            exchange.close();
        }
    }

    private void forward(HttpExchange exchange, byte[] body) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(emulator.resolve(exchange.getRequestURI().toString()))
                .timeout(Duration.ofSeconds(30))
                .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!HOP_HEADERS.contains(name.toLowerCase())) values.forEach(value -> request.header(name, value));
        });
        HttpResponse<byte[]> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        } catch (IOException emulatorDown) {
            return; // as if the proxy were down too
        }
        for (Map.Entry<String, List<String>> header : response.headers().map().entrySet()) {
            if (header.getKey().startsWith(":") || HOP_HEADERS.contains(header.getKey().toLowerCase())) continue;
            exchange.getResponseHeaders().put(header.getKey(), header.getValue());
        }
        respond(exchange, response.statusCode(), response.body());
    }

    /** Kinesis's answer when a shard's write limit is exceeded: HTTP 400 with the error's type. */
    private static void throttle(HttpExchange exchange) throws IOException {
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        String message = "Rate exceeded for shard shardId-000000000000 in stream alerts";
        boolean cbor = contentType != null && contentType.contains("cbor");
        exchange.getResponseHeaders().add("Content-Type", cbor ? contentType : "application/x-amz-json-1.1");
        exchange.getResponseHeaders().add("x-amzn-ErrorType", THROTTLED_ERROR + ":");
        byte[] body = cbor ? cborError(message)
                : ("{\"__type\":\"" + THROTTLED_ERROR + "\",\"message\":\"" + message + "\"}")
                        .getBytes(StandardCharsets.UTF_8);
        respond(exchange, 400, body);
    }

    private static void respond(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** {"__type": ..., "message": ...} in CBOR: a map of two text pairs. */
    private static byte[] cborError(String message) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xA2);
        for (String text : List.of("__type", THROTTLED_ERROR, "message", message)) {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            if (bytes.length < 24) {
                out.write(0x60 + bytes.length);
            } else {
                out.write(0x78);
                out.write(bytes.length);
            }
            out.writeBytes(bytes);
        }
        return out.toByteArray();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
