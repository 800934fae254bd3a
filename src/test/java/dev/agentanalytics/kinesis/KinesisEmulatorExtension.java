package dev.agentanalytics.kinesis;

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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
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

    private Process emulator;
    private int plainPort;
    private int tlsPort;
    private Path log;
    private KinesisClient client;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        Path repository = ProjectTools.repositoryRoot();
        Path packageDir = ProjectTools.npmPackage("kinesis-local");
        Path logs = Files.createDirectories(repository.resolve("target/kinesis-emulator"));
        log = logs.resolve(context.getRequiredTestClass().getSimpleName() + ".log");
        plainPort = freePort();
        tlsPort = freePort();
        ProcessBuilder builder = new ProcessBuilder("node", packageDir.resolve("main.js").toString())
                .directory(logs.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> environment = builder.environment();
        environment.put("KINESIS_MOCK_PLAIN_PORT", Integer.toString(plainPort));
        environment.put("KINESIS_MOCK_TLS_PORT", Integer.toString(tlsPort));
        // Without it the emulator looks for server.json in its working directory and crashes.
        environment.put("KINESIS_MOCK_CERT_PATH", packageDir.resolve("server.json").toString());
        environment.put("LOG_LEVEL", "WARN");
        emulator = builder.start();
        awaitHealthy();
        client = KinesisClient.builder()
                .region(Region.of(REGION))
                .endpointOverride(URI.create(endpoint()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        KinesisClients.DUMMY_ACCESS_KEY, KinesisClients.DUMMY_SECRET_KEY)))
                .build();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (client != null) client.close();
        if (emulator != null) {
            emulator.destroy();
            // On SIGTERM the emulator waits for clients' idle keep-alive connections (the connector's pooled
            // clients outlive the job), about 15 s here; it keeps no data, so it is killed after a short grace.
            if (!emulator.waitFor(2, TimeUnit.SECONDS)) {
                emulator.destroyForcibly();
                emulator.waitFor(15, TimeUnit.SECONDS);
            }
        }
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
