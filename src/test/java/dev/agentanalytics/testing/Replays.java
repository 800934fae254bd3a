package dev.agentanalytics.testing;

import dev.agentanalytics.AgentAnalyticsJob;
import dev.agentanalytics.config.JobConfig;
import dev.agentanalytics.output.OutputTable;
import dev.agentanalytics.sink.CommittedParts;
import dev.agentanalytics.source.simulator.ContactCenterSimulator;
import dev.agentanalytics.source.simulator.SimulatedRecord;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.flink.api.common.JobID;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/** Runs the real job (real file source, real file sinks) on a MiniCluster and reads back its tables. */
public final class Replays {
    private Replays() {}

    /** Runs the job with these configuration keys and returns every table's committed rows, sorted. */
    public static Map<OutputTable, List<String>> run(Map<String, String> keys) throws Exception {
        return runJob(keys).getValue();
    }

    /** Runs the job with these configuration keys: its id (for its metrics) and every table's rows, sorted. */
    public static Map.Entry<JobID, Map<OutputTable, List<String>>> runJob(Map<String, String> keys) throws Exception {
        JobConfig config = JobConfig.fromMap(keys);
        // Generic types are disabled by the job itself (no Kryo), as in production.
        Configuration flink = AgentAnalyticsJob.flinkConfiguration(config);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(flink);
        AgentAnalyticsJob.define(env, config);
        JobID job = env.execute(AgentAnalyticsJob.jobName(config)).getJobID();
        return Map.entry(job, readTables(Path.of(config.output)));
    }

    /** The job over files, in BATCH mode, as scripts/replay.sh runs it. */
    public static Map<OutputTable, List<String>> replay(Path output, int parallelism, List<Path> inputs,
                                                        Map<String, String> extraKeys) throws Exception {
        return run(replayKeys(output, parallelism, inputs, extraKeys));
    }

    /** The configuration of a replay of {@code inputs} (and {@code extraKeys}). */
    public static Map<String, String> replayKeys(Path output, int parallelism, List<Path> inputs,
                                                 Map<String, String> extraKeys) {
        Map<String, String> keys = new HashMap<>(extraKeys);
        keys.put("source", "files");
        keys.put("input", inputs.stream().map(Path::toString).collect(Collectors.joining(",")));
        keys.put("output", output.toString());
        keys.put("parallelism", Integer.toString(parallelism));
        return keys;
    }

    public static Map<OutputTable, List<String>> readTables(Path output) throws IOException {
        Map<OutputTable, List<String>> tables = new LinkedHashMap<>();
        for (OutputTable table : OutputTable.values()) {
            Path folder = output.resolve(table.tableName());
            List<String> rows = new ArrayList<>();
            for (Path file : CommittedParts.under(folder)) rows.addAll(Files.readAllLines(file));
            rows.sort(null);
            tables.put(table, rows);
        }
        return tables;
    }

    /** Simulated records for these simulator keys (and the default 5 s out-of-orderness). */
    public static List<SimulatedRecord> simulate(Map<String, String> simulatorKeys) {
        JobConfig config = JobConfig.fromMap(simulatorKeys);
        List<SimulatedRecord> records = new ArrayList<>();
        new ContactCenterSimulator(config.simulator, config.outOfOrderness.toMillis()).forEachRemaining(records::add);
        return records;
    }

    /**
     * Writes lines to files, split into consecutive runs of about equal size, one per part: replayed in the parts'
     * order, the lines arrive in their order, as from one file.
     */
    public static void writeLines(List<byte[]> lines, List<Path> parts) {
        try {
            int from = 0;
            for (int p = 0; p < parts.size(); p++) {
                int to = (int) ((long) lines.size() * (p + 1) / parts.size());
                try (OutputStream out = Files.newOutputStream(parts.get(p))) {
                    for (byte[] line : lines.subList(from, to)) {
                        out.write(line);
                        out.write('\n');
                    }
                }
                from = to;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
