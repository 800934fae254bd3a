package dev.agentanalytics.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Runs {@code scripts/deploy-msf.sh --dry-run} and reads the printed aws commands back, so the deployment is
 * checked without an AWS account: the create path for a new application and the update path with
 * {@code --assume-exists}.
 */
class DeployMsfDryRunTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path REPO_ROOT = Paths.get("").toAbsolutePath();
    private static final String PROPERTIES = "deploy/msf/application_properties.example.json";
    private static final String ROLE = "arn:aws:iam::123456789012:role/agent-analytics-msf";

    @Test
    void newApplicationIsUploadedCreatedAndStartedWithoutRestoring() throws Exception {
        List<List<String>> commands = dryRun("--parallelism", "4", "--parallelism-per-kpu", "2");

        List<String> copy = command(commands, "s3", "cp");
        assertTrue(copy.get(3).endsWith("target/connect-agent-analytics-1.0.0-SNAPSHOT.jar"), copy.toString());
        assertEquals("s3://code-bucket/jobs/agent-analytics.jar", copy.get(4));

        List<String> create = command(commands, "kinesisanalyticsv2", "create-application");
        assertEquals("agent-analytics", option(create, "--application-name"));
        assertEquals("FLINK-1_19", option(create, "--runtime-environment"));
        assertEquals(ROLE, option(create, "--service-execution-role"));
        assertEquals("eu-west-1", option(create, "--region"));

        JsonNode configuration = JSON.readTree(option(create, "--application-configuration"));
        JsonNode s3 = configuration.at("/ApplicationCodeConfiguration/CodeContent/S3ContentLocation");
        assertEquals("arn:aws:s3:::code-bucket", s3.get("BucketARN").asText());
        assertEquals("jobs/agent-analytics.jar", s3.get("FileKey").asText());
        assertEquals("ZIPFILE", configuration.at("/ApplicationCodeConfiguration/CodeContentType").asText());
        assertEquals(JSON.readTree(REPO_ROOT.resolve(PROPERTIES).toFile()),
                configuration.at("/EnvironmentProperties/PropertyGroups"));

        JsonNode flink = configuration.get("FlinkApplicationConfiguration");
        JsonNode checkpoints = flink.get("CheckpointConfiguration");
        assertEquals("CUSTOM", checkpoints.get("ConfigurationType").asText());
        assertTrue(checkpoints.get("CheckpointingEnabled").asBoolean());
        assertEquals(60_000, checkpoints.get("CheckpointInterval").asLong());
        JsonNode parallelism = flink.get("ParallelismConfiguration");
        assertEquals("CUSTOM", parallelism.get("ConfigurationType").asText());
        assertEquals(4, parallelism.get("Parallelism").asInt());
        assertEquals(2, parallelism.get("ParallelismPerKPU").asInt());
        assertFalse(parallelism.get("AutoScalingEnabled").asBoolean());
        assertEquals("CUSTOM", flink.at("/MonitoringConfiguration/ConfigurationType").asText());
        assertTrue(configuration.at("/ApplicationSnapshotConfiguration/SnapshotsEnabled").asBoolean());

        JsonNode logging = JSON.readTree(option(create, "--cloud-watch-logging-options"));
        assertEquals("arn:aws:logs:eu-west-1:123456789012:log-group:/aws/kinesis-analytics/agent-analytics"
                + ":log-stream:kinesis-analytics-log-stream", logging.get(0).get("LogStreamARN").asText());

        List<String> start = command(commands, "kinesisanalyticsv2", "start-application");
        assertEquals("SKIP_RESTORE_FROM_SNAPSHOT", JSON.readTree(option(start, "--run-configuration"))
                .at("/ApplicationRestoreConfiguration/ApplicationRestoreType").asText());
        assertTrue(commands.indexOf(copy) < commands.indexOf(create));
        assertTrue(commands.indexOf(create) < commands.indexOf(start));
        assertNoCommand(commands, "update-application");
    }

    @Test
    void existingApplicationIsUpdatedWithSnapshotsAndRestartedFromTheLatestOne() throws Exception {
        List<List<String>> commands = dryRun("--assume-exists", "7");

        List<String> update = command(commands, "kinesisanalyticsv2", "update-application");
        assertEquals("7", option(update, "--current-application-version-id"));
        JsonNode configuration = JSON.readTree(option(update, "--application-configuration-update"));
        assertEquals("jobs/agent-analytics.jar", configuration.at(
                "/ApplicationCodeConfigurationUpdate/CodeContentUpdate/S3ContentLocationUpdate/FileKeyUpdate").asText());
        assertEquals(JSON.readTree(REPO_ROOT.resolve(PROPERTIES).toFile()),
                configuration.at("/EnvironmentPropertyUpdates/PropertyGroups"));
        assertTrue(configuration.at("/ApplicationSnapshotConfigurationUpdate/SnapshotsEnabledUpdate").asBoolean());
        JsonNode flink = configuration.get("FlinkApplicationConfigurationUpdate");
        assertEquals(60_000, flink.at("/CheckpointConfigurationUpdate/CheckpointIntervalUpdate").asLong());
        assertEquals(2, flink.at("/ParallelismConfigurationUpdate/ParallelismUpdate").asInt());

        List<String> start = command(commands, "kinesisanalyticsv2", "start-application");
        assertEquals("RESTORE_FROM_LATEST_SNAPSHOT", JSON.readTree(option(start, "--run-configuration"))
                .at("/ApplicationRestoreConfiguration/ApplicationRestoreType").asText());
        assertNoCommand(commands, "create-application");
    }

    @Test
    void missingRequiredFlagIsAUsageError() throws Exception {
        Result result = run("bash", "scripts/deploy-msf.sh", "--application", "agent-analytics", "--dry-run");
        assertEquals(2, result.exitCode);
        assertTrue(result.stderr.contains("--bucket is required"), result.stderr);
    }

    private static List<List<String>> dryRun(String... extra) throws Exception {
        List<String> command = new ArrayList<>(Arrays.asList("bash", "scripts/deploy-msf.sh",
                "--application", "agent-analytics", "--bucket", "code-bucket", "--key", "jobs/agent-analytics.jar",
                "--role-arn", ROLE, "--region", "eu-west-1", "--properties", PROPERTIES, "--dry-run"));
        command.addAll(Arrays.asList(extra));
        Result result = run(command.toArray(new String[0]));
        assertEquals(0, result.exitCode, result.stderr);
        List<List<String>> commands = new ArrayList<>();
        for (String line : result.stdout.split("\n")) {
            if (!line.isBlank()) {
                List<String> words = shellWords(line);
                assertEquals("aws", words.get(0), line);
                commands.add(words);
            }
        }
        return commands;
    }

    private static List<String> command(List<List<String>> commands, String service, String operation) {
        return commands.stream()
                .filter(words -> words.get(1).equals(service) && words.get(2).equals(operation))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no aws " + service + " " + operation + " in " + commands));
    }

    private static void assertNoCommand(List<List<String>> commands, String operation) {
        assertTrue(commands.stream().noneMatch(words -> words.get(2).equals(operation)), commands.toString());
    }

    private static String option(List<String> command, String name) {
        int index = command.indexOf(name);
        assertNotEquals(-1, index, name + " missing in " + command);
        return command.get(index + 1);
    }

    /** Splits a printed command the way a shell would; the script only quotes with single quotes. */
    static List<String> shellWords(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '\'') {
                    quoted = false;
                } else {
                    word.append(c);
                }
            } else if (c == '\'') {
                quoted = true;
                inWord = true;
            } else if (c == '\\' && i + 1 < line.length()) {
                word.append(line.charAt(++i));
                inWord = true;
            } else if (c == ' ') {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        assertFalse(quoted, "unbalanced quote in " + line);
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }

    /** Runs the script with stdout and stderr apart, in files (a pipe could block it), killed after a minute. */
    private static Result run(String... command) throws IOException, InterruptedException {
        Path out = Files.createTempFile("deploy-msf", ".out");
        Path err = Files.createTempFile("deploy-msf", ".err");
        Process process = new ProcessBuilder(command).directory(REPO_ROOT.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError("deploy-msf.sh did not finish within a minute");
        }
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private static final class Result {
        final int exitCode;
        final String stdout;
        final String stderr;

        Result(int exitCode, String stdout, String stderr) {
            this.exitCode = exitCode;
            this.stdout = stdout;
            this.stderr = stderr;
        }
    }
}
