package dev.agentanalytics;

import dev.agentanalytics.config.ConfigException;
import dev.agentanalytics.config.JobConfig;
import dev.agentanalytics.output.OutputTable;
import dev.agentanalytics.sink.CommittedParts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;
import java.time.Duration;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The job in an embedded Flink cluster, for a newcomer's first run and for replays of files
 * ({@code scripts/run-local.sh}, {@code scripts/replay.sh}): no AWS account, no Docker. It returns once the job
 * has finished and every row is committed, then says what was written where.
 */
public final class EmbeddedRun {
    private static final ConfigOption<Duration> CHECKPOINTING_INTERVAL =
            ConfigOptions.key("execution.checkpointing.interval").durationType().noDefaultValue();
    private static final ConfigOption<String> CHECKPOINT_STORAGE =
            ConfigOptions.key("state.checkpoint-storage").stringType().noDefaultValue();
    private static final ConfigOption<String> CHECKPOINTS_DIRECTORY =
            ConfigOptions.key("state.checkpoints.dir").stringType().noDefaultValue();

    private EmbeddedRun() {}

    public static void main(String[] args) throws Exception {
        JobConfig config;
        try {
            config = JobConfig.fromArgs(args);
        } catch (ConfigException e) {
            System.err.println("Invalid configuration: " + e.getMessage());
            System.exit(2);
            return;
        }
        Configuration flink = AgentAnalyticsJob.flinkConfiguration(config);
        // The embedded cluster is the environment: it checkpoints (and so commits output) every minute by default,
        // to files, since a large center's state is beyond what the job manager may hold in memory (5 MB).
        flink.set(CHECKPOINTING_INTERVAL, Duration.ofSeconds(60));
        flink.set(CHECKPOINT_STORAGE, "filesystem");
        flink.set(CHECKPOINTS_DIRECTORY, checkpointDirectory().toUri().toString());
        StreamExecutionEnvironment env;
        if (config.webUiPort > 0) {
            flink.set(RestOptions.PORT, config.webUiPort);
            env = StreamExecutionEnvironment.createLocalEnvironmentWithWebUI(flink);
            System.out.println("Flink web UI: http://localhost:" + config.webUiPort + " (while the job runs)");
        } else {
            env = StreamExecutionEnvironment.createLocalEnvironment(flink);
        }
        AgentAnalyticsJob.define(env, config);
        System.out.println("Running: " + config);
        long started = System.nanoTime();
        env.execute(AgentAnalyticsJob.jobName(config));
        System.out.printf("Finished in %.1f s.%n", (System.nanoTime() - started) / 1e9);
        if (!config.output.contains("://")) printSummary(Paths.get(config.output));
    }

    /** A folder of this run's own for its checkpoints, removed when the JVM exits. */
    private static Path checkpointDirectory() throws IOException {
        Path directory = Files.createTempDirectory("agent-analytics-checkpoints-");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try (Stream<Path> paths = Files.walk(directory)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // a temporary folder: the system cleans it up eventually
            }
        }));
        return directory;
    }

    /** Rows and files per table, counting committed files only (in-progress ones are hidden). */
    static void printSummary(Path output) {
        System.out.println("Output under " + output.toAbsolutePath() + ":");
        for (OutputTable table : OutputTable.values()) {
            Path folder = output.resolve(table.tableName());
            List<Path> files = CommittedParts.under(folder);
            long rows = files.stream().mapToLong(EmbeddedRun::lineCount).sum();
            System.out.printf("  %-15s %8d rows in %3d files  %s%n", table.tableName(), rows, files.size(),
                    files.isEmpty() ? "" : folder);
        }
    }

    private static long lineCount(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
