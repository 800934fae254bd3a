package dev.agentanalytics.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentanalytics.AgentAnalyticsJob;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JobConfigTest {
    @TempDir
    Path dir;

    @Test
    void defaultsAreTheDocumentedOnes() {
        JobConfig config = JobConfig.fromArgs();
        assertEquals(JobConfig.SourceKind.SIMULATOR, config.source);
        assertEquals("output", config.output);
        assertEquals(Duration.ofSeconds(5), config.outOfOrderness);
        assertEquals(15 * 60_000, config.engine.windowMs);
        assertEquals(0, config.engine.windowOffsetMs);
        assertEquals(60 * 60_000, config.engine.sessionTimeoutMs);
        assertEquals(300_000, config.engine.staleAfterMs);
        assertEquals(200, config.simulator.agents);
        assertEquals(JobConfig.InitialPosition.LATEST, config.kinesis.initialPosition);
        assertFalse(config.isBatch());
    }

    @Test
    void flagsOverrideThePropertiesFileWhichOverridesDefaults() throws IOException {
        Path file = propertiesFile("[{\"PropertyGroupId\": \"AgentAnalytics\", \"PropertyMap\": "
                + "{\"window\": \"30m\", \"stale-after\": \"120s\"}},"
                + " {\"PropertyGroupId\": \"Kinesis\", \"PropertyMap\": {\"kinesis.stream\": \"agent-events\","
                + " \"kinesis.initial-position\": \"TRIM_HORIZON\"}}]");
        JobConfig config = JobConfig.fromArgs("--properties", file.toString(), "--window", "1h");
        assertEquals(60 * 60_000, config.engine.windowMs, "the flag wins");
        assertEquals(120_000, config.engine.staleAfterMs, "the file wins over the default");
        assertEquals("agent-events", config.kinesis.stream);
        assertEquals(JobConfig.InitialPosition.TRIM_HORIZON, config.kinesis.initialPosition);
        assertEquals(60 * 60_000, config.engine.sessionTimeoutMs, "the default stays");
    }

    @Test
    void flagsTakeEitherFormAndInputTakesSeveralPaths() throws IOException {
        Path a = Files.createFile(dir.resolve("a.jsonl"));
        Path b = Files.createDirectory(dir.resolve("b"));
        JobConfig config = JobConfig.fromArgs("--source=files", "--input", a.toString(), b.toString(),
                "--output", "out", "--parallelism=3");
        assertEquals(List.of(a.toString(), b.toString()), config.input);
        assertEquals(3, config.parallelism);
        assertTrue(config.isBatch(), "a file replay runs in BATCH mode");
    }

    @Test
    void aWindowOffsetShiftsTheWindows() {
        JobConfig config = JobConfig.fromArgs("--window-offset", "+05:30", "--window", "1d");
        assertEquals(-Duration.ofHours(5).plusMinutes(30).toMillis(), config.engine.windowOffsetMs);
        long midnightInIndia = java.time.Instant.parse("2024-05-05T18:30:00Z").toEpochMilli();
        assertEquals(midnightInIndia,
                config.engine.windowStartOf(java.time.Instant.parse("2024-05-06T08:00:00Z").toEpochMilli()));
        assertEquals(3 * 3_600_000L, JobConfig.fromArgs("--window-offset", "-03:00").engine.windowOffsetMs);
        assertEquals(30 * 60_000L, JobConfig.fromArgs("--window-offset", "30m").engine.windowOffsetMs);
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
        "window|5s|'window': expected a duration from 1m to 1d",
        "window|2d|'window': expected a duration from 1m to 1d",
        "window|fifteen|'window': expected a duration from 1m to 1d",
        "window|200000000000000d|'window': expected a duration from 1m to 1d",
        "window-offset|200000000000000d|'window-offset': expected an offset like +05:30",
        "max-record-size|17592186044417MiB|'max-record-size': expected a size from",
        "runtime-mode|BATCH|'runtime-mode': expected STREAMING or AUTOMATIC with source SIMULATOR",
        "window-offset|+25:00|'window-offset': expected an offset like +05:30",
        "stale-after|0|'stale-after': expected a duration from 1s to 1d",
        "parallelism|0|'parallelism': expected a whole number from 1 to 1024",
        "source|kafka|'source': expected one of [SIMULATOR, FILES, KINESIS]",
        "console|yes|'console': expected true or false",
        "kinesis.initial-position|EARLIEST|'kinesis.initial-position': expected one of [LATEST, TRIM_HORIZON, AT_TIMESTAMP]",
        "kinesis.endpoint|localhost:4567|'kinesis.endpoint': expected an http:// or https:// URL",
        "simulator.duplicates|1.5|'simulator.duplicates': expected a fraction from 0 to 1",
        "simulator.start|monday|'simulator.start': expected an ISO-8601 instant",
    })
    void aBadValueFailsNamingTheKeyAndWhatIsAllowed(String key, String value, String message) {
        ConfigException e = assertThrows(ConfigException.class, () -> JobConfig.fromArgs("--" + key, value));
        assertTrue(e.getMessage().contains(message), e.getMessage());
        assertTrue(e.getMessage().contains("'" + value + "'"), e.getMessage());
    }

    @Test
    void aMaxParallelismBelowTheEnvironmentsParallelismIsNamed() {
        JobConfig config = JobConfig.fromArgs("--max-parallelism", "2");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(4);
        assertMessage("'max-parallelism': expected at least the parallelism (4, the environment's)",
                () -> AgentAnalyticsJob.define(env, config));
    }

    @Test
    void missingRequirementsAreNamed() {
        assertMessage("'input'", () -> JobConfig.fromArgs("--source", "files"));
        assertMessage("no such file or folder", () -> JobConfig.fromArgs("--source", "files", "--input", "/nope"));
        assertMessage("'kinesis.stream'", () -> JobConfig.fromArgs("--source", "kinesis"));
        assertMessage("'kinesis.initial-timestamp'",
                () -> JobConfig.fromArgs("--kinesis.initial-position", "AT_TIMESTAMP"));
        assertMessage("'kinesis.efo-consumer'", () -> JobConfig.fromArgs("--kinesis.reader", "EFO"));
        assertMessage("both kinesis.access-key and kinesis.secret-key",
                () -> JobConfig.fromArgs("--kinesis.access-key", "x"));
        assertMessage("'kinesis.http-protocol'", () -> JobConfig.fromArgs("--kinesis.reader", "EFO",
                "--kinesis.efo-consumer", "analytics", "--kinesis.http-protocol", "HTTP1_1"));
    }

    @Test
    void unknownKeysAndMalformedFlagsAreRejected() {
        assertMessage("Unknown configuration key 'windw'", () -> JobConfig.fromArgs("--windw", "15m"));
        assertMessage("Missing value for configuration key 'window'", () -> JobConfig.fromArgs("--window"));
        assertMessage("takes one value", () -> JobConfig.fromArgs("--window", "15m", "30m"));
        assertMessage("given twice", () -> JobConfig.fromArgs("--window", "15m", "--window", "30m"));
        assertMessage("Unexpected argument 'window'", () -> JobConfig.fromArgs("window", "15m"));
        assertMessage("Unknown configuration key 'bogus'", () -> JobConfig.fromMap(Map.of("bogus", "1")));
    }

    @Test
    void thePropertiesFileMustBeManagedFlinkPropertyGroups() throws IOException {
        assertMessage("not Managed Flink property-group JSON",
                () -> JobConfig.fromArgs("--properties", propertiesFile("{\"window\": \"15m\"}").toString()));
        Path twice = propertiesFile("[{\"PropertyGroupId\": \"A\", \"PropertyMap\": {\"window\": \"15m\"}},"
                + " {\"PropertyGroupId\": \"B\", \"PropertyMap\": {\"window\": \"30m\"}}]");
        assertMessage("is set in two property groups", () -> JobConfig.fromArgs("--properties", twice.toString()));
        Path unknown = propertiesFile("[{\"PropertyGroupId\": \"A\", \"PropertyMap\": {\"windw\": \"15m\"}}]");
        assertMessage("Unknown configuration key 'windw'",
                () -> JobConfig.fromArgs("--properties", unknown.toString()));
        assertMessage("no such file", () -> JobConfig.fromArgs("--properties", "/nope.json"));
    }

    /** Both files are read where Managed Flink puts its properties (compose mounts its file there too). */
    @Test
    void theShippedPropertiesFilesAreValid() {
        JobConfig compose = JobConfig.fromArgs(new String[0], Path.of("deploy/local/application_properties.json"));
        assertEquals(JobConfig.SourceKind.KINESIS, compose.source);
        assertEquals("agent-alerts", compose.kinesis.alertStream);
        JobConfig managedFlink =
                JobConfig.fromArgs(new String[0], Path.of("deploy/msf/application_properties.example.json"));
        assertTrue(managedFlink.managedFlink);
        assertEquals(0, managedFlink.parallelism, "the service owns parallelism (and autoscaling)");
        assertEquals(null, managedFlink.checkpointInterval, "the service owns checkpointing");
        assertEquals("connect-agent-events", managedFlink.kinesis.stream);
        assertTrue(managedFlink.output.startsWith("s3://"));
        assertTrue(managedFlink.kinesis.accessKey.isEmpty(), "on AWS: the application's role, never static keys");
    }

    @Test
    void onManagedFlinkParallelismAndCheckpointingAreTheServicesAndSettingThemIsRefused() throws IOException {
        Path parallelism = propertiesFile("[{\"PropertyGroupId\": \"AgentAnalytics\", \"PropertyMap\": "
                + "{\"source\": \"simulator\", \"parallelism\": \"4\"}}]");
        assertMessage("Configuration key 'parallelism' cannot be set in /etc/flink/application_properties.json",
                () -> JobConfig.fromArgs(new String[0], parallelism));
        Path checkpoints = propertiesFile("[{\"PropertyGroupId\": \"AgentAnalytics\", \"PropertyMap\": "
                + "{\"source\": \"simulator\", \"checkpoint-interval\": \"10s\"}}]");
        assertMessage("Configuration key 'checkpoint-interval' cannot be set",
                () -> JobConfig.fromArgs(new String[0], checkpoints));
        // Elsewhere they are the job's to set.
        JobConfig local = JobConfig.fromArgs("--properties", parallelism.toString(), "--checkpoint-interval", "10s");
        assertEquals(4, local.parallelism);
        assertEquals(java.time.Duration.ofSeconds(10), local.checkpointInterval);
    }

    @Test
    void theReadmeDocumentsEveryKeyWithItsDefault() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        for (ConfigKey key : ConfigKey.all()) {
            String row = "| `" + key.name() + "` | " + (key.defaultValue().isEmpty() ? "" : "`" + key.defaultValue() + "`")
                    + " |";
            assertTrue(readme.contains(row), "README configuration table lacks: " + row);
        }
    }

    private Path propertiesFile(String json) throws IOException {
        Path file = Files.createTempFile(dir, "application_properties", ".json");
        Files.writeString(file, json);
        return file;
    }

    private static void assertMessage(String expected, org.junit.jupiter.api.function.Executable call) {
        ConfigException e = assertThrows(ConfigException.class, call);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
