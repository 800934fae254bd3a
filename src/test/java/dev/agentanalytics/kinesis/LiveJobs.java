package dev.agentanalytics.kinesis;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentanalytics.AgentAnalyticsJob;
import dev.agentanalytics.config.JobConfig;
import dev.agentanalytics.output.OutputTable;
import dev.agentanalytics.parse.AgentEventParser;
import dev.agentanalytics.sink.CommittedParts;
import dev.agentanalytics.source.simulator.ContactCenterSimulator;
import dev.agentanalytics.source.simulator.SimulatedRecord;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.Metric;
import org.apache.flink.metrics.groups.OperatorMetricGroup;
import org.apache.flink.runtime.jobgraph.SavepointConfigOptions;
import org.apache.flink.runtime.testutils.InMemoryReporter;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import software.amazon.awssdk.services.kinesis.model.Shard;

/**
 * What the Kinesis end-to-end tests share: the simulated events, the live job on the emulator, the BATCH replay
 * of the same events from a file, and the committed rows of every table in a comparable form.
 */
final class LiveJobs {
    static final String ENGINE_OPERATOR = "^agent engine$";
    private static final ObjectMapper JSON = new ObjectMapper();

    private LiveJobs() {}

    /**
     * 20 agents over 30 minutes, 3 of them going silent (AGENT_STALE alerts), no malformed records and no delays:
     * the events of each agent are in order in the stream, so the live job sees nothing late.
     */
    static List<SimulatedRecord> simulatedContactCenter() {
        JobConfig config = JobConfig.fromMap(Map.of(
                "simulator.agents", "20",
                "simulator.duration", "30m",
                "simulator.seed", "7",
                "simulator.silent-agents", "3"));
        ContactCenterSimulator simulator = new ContactCenterSimulator(config.simulator, 0);
        List<SimulatedRecord> records = new ArrayList<>();
        simulator.forEachRemaining(records::add);
        return records;
    }

    static List<OutgoingRecord> outgoing(List<SimulatedRecord> records) {
        List<OutgoingRecord> outgoing = new ArrayList<>(records.size());
        for (SimulatedRecord record : records) outgoing.add(new OutgoingRecord(record.partitionKey, record.payload));
        return outgoing;
    }

    /** Records the agent engine will receive: the valid events (dead letters branch off before it). */
    static long validEvents(List<SimulatedRecord> records) {
        AgentEventParser parser = new AgentEventParser(JobConfig.RecordSettings.defaults());
        return records.stream().filter(record -> parser.parse(record.payload, 0L, null).isValid()).count();
    }

    /** The live job on the emulator, as an operator would configure it against one (docs/kinesis.md). */
    static JobConfig kinesisJob(KinesisEmulatorExtension kinesis, String inputStream, String alertStream,
                                Path output, String outOfOrderness) {
        return JobConfig.fromMap(kinesisKeys(kinesis, inputStream, alertStream, output, outOfOrderness));
    }

    /**
     * {@link #kinesisJob} for a backlog on several shards, in the stream before the job starts: every subtask must
     * find its shards and read their first records within {@code idleness} of the start, or it is left out while
     * another subtask reads the backlog ahead of it and makes its events late (docs/kinesis.md, "Watermarks per
     * shard": start-up). 5 s was not always enough on a loaded 2-core CI machine; the job's default is 30 s.
     */
    static JobConfig backlogJob(KinesisEmulatorExtension kinesis, String inputStream, String alertStream,
                                Path output, String outOfOrderness) {
        Map<String, String> keys = new HashMap<>(kinesisKeys(kinesis, inputStream, alertStream, output,
                outOfOrderness));
        keys.put("idleness", "15s");
        return JobConfig.fromMap(keys);
    }

    /** The configuration keys of {@link #kinesisJob}, to change some. */
    static Map<String, String> kinesisKeys(KinesisEmulatorExtension kinesis, String inputStream, String alertStream,
                                           Path output, String outOfOrderness) {
        return Map.ofEntries(
                Map.entry("out-of-orderness", outOfOrderness),
                // Start-up holds watermarks back this long so that every shard delivers its first records.
                Map.entry("idleness", "5s"),
                Map.entry("source", "kinesis"),
                Map.entry("kinesis.stream", inputStream),
                Map.entry("kinesis.region", KinesisEmulatorExtension.REGION),
                Map.entry("kinesis.endpoint", kinesis.endpoint()),
                Map.entry("kinesis.access-key", KinesisClients.DUMMY_ACCESS_KEY),
                Map.entry("kinesis.secret-key", KinesisClients.DUMMY_SECRET_KEY),
                Map.entry("kinesis.initial-position", "TRIM_HORIZON"),
                Map.entry("kinesis.poll-interval", "50ms"),
                Map.entry("alert.stream", alertStream),
                // The simulated events are from 2024: the wall clock must not drive their event time.
                Map.entry("silent-stream-advance", "false"),
                Map.entry("output", output.toString()),
                Map.entry("parallelism", "2"),
                Map.entry("checkpoint-interval", "1s"));
    }

    /** Submits the job to the test's MiniCluster, from a savepoint when one is given. */
    static JobClient start(JobConfig config, String savepoint) throws Exception {
        Configuration flink = AgentAnalyticsJob.flinkConfiguration(config);
        if (savepoint != null) flink.set(SavepointConfigOptions.SAVEPOINT_PATH, savepoint);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(flink);
        AgentAnalyticsJob.define(env, config);
        return env.executeAsync(AgentAnalyticsJob.jobName(config));
    }

    /** After a failed test: cancels its job so that the next test of the class finds the cluster's slots free. */
    static void cancelIfRunning(JobClient job) throws Exception {
        if (!job.getJobStatus().get(1, TimeUnit.MINUTES).isGloballyTerminalState()) {
            job.cancel().get(1, TimeUnit.MINUTES);
        }
    }

    /**
     * Waits until the agent engine has received {@code expected} events in this run of the job, that is until
     * the consumer has read everything sent so far; fails early when the job fails.
     */
    static void awaitEngineInput(KinesisEmulatorExtension kinesis, InMemoryReporter metrics, JobClient job,
                                 long expected, Duration timeout) {
        JobID id = job.getJobID();
        try {
            kinesis.awaitCondition(timeout, expected + " events to reach the agent engine of job " + id, () -> {
                JobStatus status = job.getJobStatus().join();
                if (status.isGloballyTerminalState()) {
                    throw new AssertionError("The job ended (" + status + ") before reading all events: "
                            + job.getJobExecutionResult().handle((result, failure) -> failure).join());
                }
                return engineInput(metrics, id) >= expected;
            });
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + " (" + engineInput(metrics, id) + " arrived)", e);
        }
        long received = engineInput(metrics, id);
        if (received != expected) {
            throw new AssertionError("The agent engine received " + received + " events, " + expected + " sent");
        }
    }

    /**
     * Waits until the agent engine's watermark (the lowest over its subtasks) passes {@code time}: event time went
     * on past it. Fails early when the job ends.
     */
    static void awaitEngineWatermarkPast(KinesisEmulatorExtension kinesis, InMemoryReporter metrics, JobClient job,
                                         long time, String what, Duration timeout) {
        JobID id = job.getJobID();
        kinesis.awaitCondition(timeout, "event time to go past " + what, () -> {
            if (job.getJobStatus().join().isGloballyTerminalState()) {
                throw new AssertionError("The job ended before event time went past " + what);
            }
            long watermark = Long.MAX_VALUE;
            boolean found = false;
            for (OperatorMetricGroup group : metrics.findOperatorMetricGroups(id, ENGINE_OPERATOR)) {
                Metric gauge = metrics.getMetricsByGroup(group).get("currentInputWatermark");
                if (gauge instanceof Gauge) {
                    found = true;
                    watermark = Math.min(watermark, ((Number) ((Gauge<?>) gauge).getValue()).longValue());
                }
            }
            return found && watermark >= time;
        });
    }

    /**
     * The watermark once every record is read with {@code silent-stream-advance=false}: the lowest over the shards
     * of their newest event time, less the bound (LiveWatermarks). Each record's shard follows from the MD5 hash
     * of its partition key, as Kinesis places it.
     */
    static long watermarkOnceAllRead(List<SimulatedRecord> records, List<Shard> shards, Duration outOfOrderness) {
        Map<String, Long> newest = new TreeMap<>();
        for (SimulatedRecord record : records) {
            newest.merge(shardOf(record.partitionKey, shards), record.eventTime, Math::max);
        }
        return Collections.min(newest.values()) - outOfOrderness.toMillis() - 1;
    }

    private static String shardOf(String partitionKey, List<Shard> shards) {
        BigInteger hash;
        try {
            hash = new BigInteger(1, MessageDigest.getInstance("MD5")
                    .digest(partitionKey.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        for (Shard shard : shards) {
            if (shard.sequenceNumberRange().endingSequenceNumber() == null
                    && hash.compareTo(new BigInteger(shard.hashKeyRange().startingHashKey())) >= 0
                    && hash.compareTo(new BigInteger(shard.hashKeyRange().endingHashKey())) <= 0) {
                return shard.shardId();
            }
        }
        throw new IllegalStateException("No open shard holds the hash of " + partitionKey);
    }

    static long engineInput(InMemoryReporter metrics, JobID job) {
        long received = 0;
        for (OperatorMetricGroup group : metrics.findOperatorMetricGroups(job, ENGINE_OPERATOR)) {
            // A group registered by an operator still being set up has no IO group yet: nothing received so far.
            if (group.getIOMetricGroup() == null) continue;
            received += group.getIOMetricGroup().getNumRecordsInCounter().getCount();
        }
        return received;
    }

    /** The same events replayed from a JSON-lines file in BATCH mode: the reference rows. */
    static Map<OutputTable, List<String>> replay(List<SimulatedRecord> records, Path folder) throws Exception {
        Path input = folder.resolve("events.jsonl");
        try (OutputStream out = Files.newOutputStream(input)) {
            for (SimulatedRecord record : records) {
                out.write(record.payload);
                out.write('\n');
            }
        }
        Path output = folder.resolve("replay-output");
        JobConfig config = JobConfig.fromMap(Map.of(
                "source", "files",
                "input", input.toString(),
                "output", output.toString(),
                "parallelism", "2"));
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.getExecutionEnvironment(AgentAnalyticsJob.flinkConfiguration(config));
        AgentAnalyticsJob.define(env, config);
        env.execute(AgentAnalyticsJob.jobName(config));
        return tableRows(output);
    }

    /**
     * The committed rows of every table (in-progress files start with a dot and are left out), each row as JSON
     * with sorted keys, sorted. A dead letter's received_at is the moment of reading, so it is left out.
     */
    static Map<OutputTable, List<String>> tableRows(Path output) throws IOException {
        Map<OutputTable, List<String>> tables = new TreeMap<>();
        for (OutputTable table : OutputTable.values()) {
            List<String> rows = new ArrayList<>();
            for (Path file : CommittedParts.under(output.resolve(table.tableName()))) {
                for (String line : Files.readAllLines(file)) {
                    if (!line.isBlank()) rows.add(canonical(table, line));
                }
            }
            Collections.sort(rows);
            tables.put(table, rows);
        }
        return tables;
    }

    /** One row as JSON with its keys sorted, so rows from the table files and the alert stream compare equal. */
    @SuppressWarnings("unchecked")
    static String canonical(OutputTable table, String json) {
        try {
            TreeMap<String, Object> row = JSON.readValue(json, TreeMap.class);
            if (table == OutputTable.DEAD_LETTERS) row.remove("received_at");
            return JSON.writeValueAsString(row);
        } catch (IOException e) {
            throw new UncheckedIOException("Not a JSON row of " + table.tableName() + ": " + json, e);
        }
    }

    /**
     * Fails unless every table has the same rows (as multisets) in both runs, naming for each table that differs
     * a few rows missing from and a few extra in {@code actual}.
     */
    static void assertSameRows(String what, Map<OutputTable, List<String>> expected,
                               Map<OutputTable, List<String>> actual) {
        StringBuilder differences = new StringBuilder();
        for (OutputTable table : OutputTable.values()) {
            List<String> missing = new ArrayList<>(expected.get(table));
            List<String> extra = new ArrayList<>();
            for (String row : actual.get(table)) {
                if (!missing.remove(row)) extra.add(row);
            }
            if (!missing.isEmpty() || !extra.isEmpty()) {
                differences.append("\n").append(table.tableName()).append(": ").append(missing.size())
                        .append(" rows missing, ").append(extra.size()).append(" extra");
                missing.stream().limit(3).forEach(row -> differences.append("\n  missing ").append(row));
                extra.stream().limit(3).forEach(row -> differences.append("\n  extra   ").append(row));
            }
        }
        if (differences.length() > 0) {
            throw new AssertionError(what + " differ from the replay (replay: " + counts(expected) + "; live: "
                    + counts(actual) + "):" + differences);
        }
    }

    /** Rows per table, for failure messages that say where two runs differ. */
    static String counts(Map<OutputTable, List<String>> tables) {
        StringBuilder text = new StringBuilder();
        tables.forEach((table, rows) -> text.append(table.tableName()).append('=').append(rows.size()).append(' '));
        return text.toString().trim();
    }
}
