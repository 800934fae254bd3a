package dev.agentanalytics.kinesis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentanalytics.testing.ProjectTools;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.kinesis.model.Shard;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;
import software.amazon.awssdk.services.kinesis.model.StreamStatus;

/**
 * One Kinesis emulator (kinesis-local, the version pinned in package-lock.json) per test class, on free ports of
 * this machine, started as its own process and stopped after the class. Installs the package with {@code npm ci}
 * when node_modules is missing, so a fresh checkout needs only node and npm on PATH.
 *
 * <pre>
 * {@literal @}RegisterExtension
 * static final KinesisEmulatorExtension KINESIS = new KinesisEmulatorExtension();
 * </pre>
 */
public final class KinesisEmulatorExtension implements BeforeAllCallback, AfterAllCallback {
    public static final String REGION = "us-east-1";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STREAM_ACTIVE_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);
    private static final String PERSIST_FILE = "kinesis-data.json";

    /** Whether the emulator keeps its streams across {@link #crash()} and {@link #start()}. */
    private final boolean persistent;
    private Process emulator;
    private Path packageDir;
    private Path logs;
    private int plainPort;
    private int tlsPort;
    private Path log;
    private KinesisClient client;

    /** An emulator that keeps nothing on disk. */
    public KinesisEmulatorExtension() {
        this(false);
    }

    private KinesisEmulatorExtension(boolean persistent) {
        this.persistent = persistent;
    }

    /**
     * An emulator that writes its streams to disk every second and loads them when started again on the same
     * ports: a Kinesis outage that keeps every acknowledged record, as the real service does.
     */
    public static KinesisEmulatorExtension persistent() {
        return new KinesisEmulatorExtension(true);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        Path repository = ProjectTools.repositoryRoot();
        packageDir = ProjectTools.npmPackage("kinesis-local");
        logs = Files.createDirectories(repository.resolve("target/kinesis-emulator"));
        String name = context.getRequiredTestClass().getSimpleName();
        log = logs.resolve(name + ".log");
        Files.deleteIfExists(log);
        deleteRecursively(data());
        plainPort = freePort();
        tlsPort = freePort();
        start();
        client = KinesisClient.builder()
                .region(Region.of(REGION))
                .endpointOverride(URI.create(endpoint()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        KinesisClients.DUMMY_ACCESS_KEY, KinesisClients.DUMMY_SECRET_KEY)))
                .build();
    }

    /** Starts the emulator on this extension's ports; a persistent one loads the streams it had. */
    public void start() throws IOException {
        ProcessBuilder builder = new ProcessBuilder("node", packageDir.resolve("main.js").toString())
                .directory(logs.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> environment = builder.environment();
        environment.put("KINESIS_MOCK_PLAIN_PORT", Integer.toString(plainPort));
        environment.put("KINESIS_MOCK_TLS_PORT", Integer.toString(tlsPort));
        // Without it the emulator looks for server.json in its working directory and crashes.
        environment.put("KINESIS_MOCK_CERT_PATH", packageDir.resolve("server.json").toString());
        environment.put("LOG_LEVEL", "WARN");
        environment.put("SHOULD_PERSIST_DATA", Boolean.toString(persistent));
        environment.put("LOAD_DATA_IF_EXISTS", Boolean.toString(persistent));
        environment.put("PERSIST_PATH", data().toString());
        environment.put("PERSIST_FILE_NAME", PERSIST_FILE);
        environment.put("PERSIST_INTERVAL", "1s");
        emulator = builder.start();
        awaitHealthy();
    }

    /**
     * Kills the emulator (a crash: its clients' connections drop) once it has written every record it acknowledged
     * to disk, as the service keeps them through an outage; its ports refuse connections until {@link #start()}.
     * No record may be sent meanwhile. (A graceful stop would wait for the job's connections, which never idle.)
     */
    public void crash() throws IOException, InterruptedException {
        Path file = data().resolve(PERSIST_FILE);
        long after = System.currentTimeMillis();
        awaitCondition(STOP_TIMEOUT, "the emulator to write its streams to disk",
                () -> lastModified(file) > after && isCompleteJson(file));
        Path copy = data().resolve(PERSIST_FILE + ".written");
        Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
        emulator.destroyForcibly();
        if (!emulator.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            throw new AssertionError("The Kinesis emulator did not die within " + STOP_TIMEOUT.toSeconds() + " s");
        }
        // The kill may cut the next periodic write short; the copy holds the same records, whole.
        Files.move(copy, file, StandardCopyOption.REPLACE_EXISTING);
    }

    private static long lastModified(Path file) {
        try {
            return Files.exists(file) ? Files.getLastModifiedTime(file).toMillis() : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    /** The emulator truncates its file and then writes it: an empty file reads as no JSON at all, not an error. */
    private static boolean isCompleteJson(Path file) {
        try {
            JsonNode streams = new ObjectMapper().readTree(file.toFile());
            return streams != null && streams.isObject() && streams.size() > 0;
        } catch (IOException partlyWritten) {
            return false;
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (client != null) client.close();
        if (emulator != null && emulator.isAlive()) {
            emulator.destroy();
            // On SIGTERM the emulator waits for clients' idle keep-alive connections (the connector's pooled
            // clients outlive the job), about 15 s here; nothing is needed from it any more.
            if (!emulator.waitFor(2, TimeUnit.SECONDS)) {
                emulator.destroyForcibly();
                emulator.waitFor(15, TimeUnit.SECONDS);
            }
        }
    }

    private static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder)) return;
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) {
                Files.delete(path);
            }
        }
    }

    private Path data() {
        return logs.resolve(log.getFileName().toString().replace(".log", "-data"));
    }

    /** Plain HTTP endpoint on the loopback address. */
    public String endpoint() {
        return "http://127.0.0.1:" + plainPort;
    }

    /** HTTPS endpoint (the emulator's self-signed certificate). */
    public String tlsEndpoint() {
        return "https://127.0.0.1:" + tlsPort;
    }

    public KinesisClient client() {
        return client;
    }

    /** Creates a stream and returns once it is ACTIVE (the SDK's waiter would poll only every 10 s). */
    public void createStream(String name, int shards) {
        client.createStream(request -> request.streamName(name).shardCount(shards));
        awaitCondition(STREAM_ACTIVE_TIMEOUT, "stream '" + name + "' to become ACTIVE",
                () -> client.describeStreamSummary(request -> request.streamName(name))
                        .streamDescriptionSummary().streamStatus() == StreamStatus.ACTIVE);
    }

    /** Every record now in the stream, shard by shard, each shard in order. */
    public List<Record> readAll(String stream) {
        List<Record> records = new ArrayList<>();
        for (Shard shard : client.listShards(request -> request.streamName(stream)).shards()) {
            String iterator = client.getShardIterator(request -> request.streamName(stream)
                    .shardId(shard.shardId()).shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
            while (iterator != null) {
                String current = iterator;
                GetRecordsResponse response = client.getRecords(request -> request.shardIterator(current));
                records.addAll(response.records());
                boolean caughtUp = response.records().isEmpty() && response.millisBehindLatest() != null
                        && response.millisBehindLatest() == 0;
                iterator = caughtUp ? null : response.nextShardIterator();
            }
        }
        return records;
    }

    /** Bounded poll: a condition that stays false fails with what was awaited and the emulator's log. */
    public void awaitCondition(Duration timeout, String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out after " + timeout.toSeconds() + " s waiting for " + what
                        + "; emulator log " + log);
            }
            pause();
        }
    }

    private void awaitHealthy() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create(endpoint() + "/healthcheck"))
                .timeout(Duration.ofSeconds(2)).build();
        awaitCondition(START_TIMEOUT, "the Kinesis emulator to answer on port " + plainPort, () -> {
            if (!emulator.isAlive()) {
                throw new IllegalStateException("The Kinesis emulator exited with " + emulator.exitValue()
                        + " at start; see " + log);
            }
            try {
                return http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException notYet) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Between two checks of a bounded poll. */
    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while polling", e);
        }
    }
}
