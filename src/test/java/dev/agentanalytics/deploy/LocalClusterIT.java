package dev.agentanalytics.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentanalytics.sink.CommittedParts;
import dev.agentanalytics.testing.ProjectTools;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The path docker compose takes, without Docker: a real standalone Flink cluster (scripts/local-cluster.sh), the
 * Kinesis emulator, the shaded jar submitted over Flink's REST API, simulated events sent by scripts/produce.sh;
 * output rows and alerts must appear, and everything stops cleanly.
 */
class LocalClusterIT {
    private static final Path REPO = Path.of(".").toAbsolutePath().normalize();
    private static final Map<String, String> ENV = new HashMap<>();

    @TempDir
    static Path work;

    @Test
    void theJarRunsOnARealClusterFromKinesisToTablesAndAlerts() throws Exception {
        int kinesisPort = freePort();
        ENV.put("FLINK_REST_PORT", Integer.toString(freePort()));
        ENV.put("FLINK_RPC_PORT", Integer.toString(freePort()));
        String endpoint = "http://127.0.0.1:" + kinesisPort;
        Path output = work.resolve("output");

        run(60, "scripts/kinesis-emulator.sh", "start", "--port", Integer.toString(kinesisPort),
                "--tls-port", Integer.toString(freePort()), "--streams", "agent-events:2,agent-alerts:1");
        run(180, "scripts/local-cluster.sh", "start");
        String submitted = run(120, "scripts/local-cluster.sh", "submit", "--",
                "--source", "kinesis", "--kinesis.stream", "agent-events", "--kinesis.endpoint", endpoint,
                "--kinesis.access-key", "local", "--kinesis.secret-key", "local",
                "--kinesis.initial-position", "TRIM_HORIZON", "--alert.stream", "agent-alerts",
                "--output", output.toString(), "--checkpoint-interval", "2s", "--parallelism", "2");
        System.out.println(submitted);
        run(300, "scripts/produce.sh", "--stream", "agent-events", "--endpoint", endpoint, "--rate", "0",
                "--simulator.agents", "20", "--simulator.duration", "30m", "--simulator.silent-agents", "2");

        // Committed rows appear with the checkpoints (each table's committer renames its parts on its own, so all
        // three are awaited); the silent agents raise alerts once the stream is silent.
        long giveUpAt = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while ((rows(output, "agent_status") == 0 || rows(output, "contacts") == 0 || rows(output, "alerts") == 0)
                && System.nanoTime() < giveUpAt) {
            TimeUnit.MILLISECONDS.sleep(500); // polling files written by another process
        }
        System.out.printf("local cluster wrote %d agent_status, %d contacts and %d alert rows%n",
                rows(output, "agent_status"), rows(output, "contacts"), rows(output, "alerts"));
        assertTrue(rows(output, "agent_status") > 0, "agent_status rows committed");
        assertTrue(rows(output, "contacts") > 0, "contacts rows committed");
        assertTrue(rows(output, "alerts") > 0, "alerts raised for the silent agents");

        run(120, "scripts/local-cluster.sh", "stop");
        assertEquals(3, exitCode("scripts/local-cluster.sh", "status"), "nothing left running");
    }

    @AfterAll
    static void stopEverything() throws Exception {
        exitCode("scripts/local-cluster.sh", "stop");
        exitCode("scripts/kinesis-emulator.sh", "stop");
    }

    private static long rows(Path output, String table) throws IOException {
        long lines = 0;
        for (Path file : CommittedParts.under(output.resolve(table))) lines += Files.readAllLines(file).size();
        return lines;
    }

    private static String run(int timeoutSeconds, String... command) throws Exception {
        return ProjectTools.run(REPO, ENV, Duration.ofSeconds(timeoutSeconds), "local-cluster-it.log",
                bash(command));
    }

    private static int exitCode(String... command) throws Exception {
        return ProjectTools.execute(REPO, ENV, Duration.ofSeconds(120), "local-cluster-it.log", bash(command))
                .exitCode;
    }

    private static String[] bash(String... command) {
        List<String> line = new ArrayList<>(List.of("bash"));
        line.addAll(List.of(command));
        return line.toArray(new String[0]);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
