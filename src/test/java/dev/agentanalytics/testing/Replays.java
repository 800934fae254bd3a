package dev.agentanalytics.testing;

import dev.agentanalytics.AgentAnalyticsJob;
import dev.agentanalytics.config.JobConfig;
import dev.agentanalytics.output.OutputTable;
import dev.agentanalytics.source.simulator.ContactCenterSimulator;
import dev.agentanalytics.source.simulator.SimulatedRecord;
import java.io.IOException;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
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
import java.util.stream.Stream;

/** Runs the real job (real file source, real file sinks) on a MiniCluster and reads back its tables. */
public final class Replays {
    private Replays() {}

    /** Runs the job with these configuration keys and returns every table's committed rows, sorted. */
    public static Map<OutputTable, List<String>> run(Map<String, String> keys) throws Exception {
        JobConfig config = JobConfig.fromMap(keys);
        Configuration flink = AgentAnalyticsJob.flinkConfiguration(config);
        // Every type on the wire and in state must be a Flink POJO or basic type: Kryo would fail the job here.
        flink.set(PipelineOptions.GENERIC_TYPES, false);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(flink);
        AgentAnalyticsJob.define(env, config);
        env.execute(AgentAnalyticsJob.jobName(config));
        return readTables(Path.of(config.output));
    }

    /** The job over files, in BATCH mode, as scripts/replay.sh runs it. */
    public static Map<OutputTable, List<String>> replay(Path output, int parallelism, List<Path> inputs,
                                                        Map<String, String> extraKeys) throws Exception {
        Map<String, String> keys = new HashMap<>(extraKeys);
        keys.put("source", "files");
        keys.put("input", inputs.stream().map(Path::toString).collect(Collectors.joining(",")));
        keys.put("output", output.toString());
        keys.put("parallelism", Integer.toString(parallelism));
        return run(keys);
    }

    public static Map<OutputTable, List<String>> readTables(Path output) throws IOException {
        Map<OutputTable, List<String>> tables = new LinkedHashMap<>();
        for (OutputTable table : OutputTable.values()) {
            Path folder = output.resolve(table.tableName());
            List<String> rows = new ArrayList<>();
            if (Files.isDirectory(folder)) {
                try (Stream<Path> files = Files.walk(folder)) {
                    for (Path file : files.filter(Files::isRegularFile)
                            .filter(p -> !p.getFileName().toString().startsWith(".")).collect(Collectors.toList())) {
                        rows.addAll(Files.readAllLines(file));
                    }
                }
            }
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

    /** Writes records as JSON lines, one file per part, record i going to part i % parts.size(). */
    public static void writeLines(List<SimulatedRecord> records, List<Path> parts) {
        List<OutputStream> outs = new ArrayList<>();
        try {
            for (Path part : parts) outs.add(Files.newOutputStream(part));
            for (int i = 0; i < records.size(); i++) {
                OutputStream out = outs.get(i % parts.size());
                out.write(records.get(i).payload);
                out.write('\n');
            }
            for (OutputStream out : outs) out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
