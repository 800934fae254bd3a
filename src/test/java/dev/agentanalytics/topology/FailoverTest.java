package dev.agentanalytics.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentanalytics.AgentAnalyticsJob;
import dev.agentanalytics.config.JobConfig;
import dev.agentanalytics.output.OutputTable;
import dev.agentanalytics.output.TableRow;
import dev.agentanalytics.sink.JobSinks;
import dev.agentanalytics.source.simulator.SimulatedRecord;
import dev.agentanalytics.testing.Replays;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.apache.flink.api.common.state.CheckpointListener;
import org.apache.flink.api.connector.sink2.Committer;
import org.apache.flink.api.connector.sink2.CommitterInitContext;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.StatefulSinkWriter;
import org.apache.flink.api.connector.sink2.SupportsCommitter;
import org.apache.flink.api.connector.sink2.SupportsWriterState;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.sink.FileSink;
import org.apache.flink.connector.file.sink.FileSinkCommittable;
import org.apache.flink.connector.file.sink.writer.FileWriterBucketState;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.Collector;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Failures in a streaming run with checkpoints lose no committed row and commit none twice: every table of a run in
 * which tasks fail, and the job restarts from its latest checkpoint, equals that of the same run without failure.
 * Failures are injected by the real sinks' neighbours: a task that fails after a checkpoint completed (twice, at two
 * points), and a file sink whose first commit fails, after its checkpoint completed and before the files it
 * prepared are committed.
 */
class FailoverTest {
    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2)
                    .build());

    /** Failures done so far in this JVM's current test: they must not repeat after the restart they cause. */
    static final AtomicInteger FAILURES = new AtomicInteger();

    @TempDir
    static Path work;
    private static Path input;
    private static Map<OutputTable, List<String>> withoutFailure;

    @BeforeAll
    static void runOnceWithoutFailure() throws Exception {
        List<byte[]> lines = new ArrayList<>();
        for (SimulatedRecord record : Replays.simulate(Map.of("simulator.agents", "120", "simulator.duration", "3h",
                "simulator.seed", "21", "simulator.silent-agents", "3", "simulator.duplicates", "0.01",
                "simulator.malformed", "0.002"))) {
            lines.add(record.payload);
        }
        input = work.resolve("events.jsonl");
        Replays.writeLines(lines, List.of(input));
        withoutFailure = comparable(run("reference", new JobSinks(config("reference")), false));
    }

    @BeforeEach
    void noFailureYet() {
        FAILURES.set(0);
    }

    private static JobConfig config(String name) {
        return JobConfig.fromMap(Replays.replayKeys(work.resolve(name), 2, List.of(input),
                Map.of("runtime-mode", "STREAMING", "checkpoint-interval", "200ms")));
    }

    /**
     * {@code rocksDb}: on RocksDB, as on Managed Flink, where the engine keeps its agents' states on the heap between
     * checkpoints and writes them back for each one (engine/AgentStates); the reference runs on the heap backend.
     */
    private static Map<OutputTable, List<String>> run(String name, TableSinks sinks, boolean rocksDb)
            throws Exception {
        JobConfig config = config(name);
        Configuration flink = AgentAnalyticsJob.flinkConfiguration(config);
        if (rocksDb) flink.setString("state.backend.type", "rocksdb");
        flink.setString("restart-strategy.type", "fixed-delay");
        flink.setString("restart-strategy.fixed-delay.attempts", "5");
        flink.setString("restart-strategy.fixed-delay.delay", "100 ms");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(flink);
        AgentAnalyticsJob.define(env, config, sinks);
        env.execute(name);
        return Replays.readTables(Path.of(config.output));
    }

    @Test
    void twoTaskFailuresAfterCheckpointsLoseNothingAndRepeatNothing() throws Exception {
        Map<OutputTable, List<String>> rows = run("task-failures", new Sinks(config("task-failures")) {
            @Override
            <T extends TableRow> DataStream<T> before(OutputTable table, DataStream<T> rows) {
                if (table != OutputTable.AGENT_ACTIVITY) return rows;
                return rows.process(new FailAfterCheckpoint<T>(), rows.getType()).name("fails twice")
                        .uid("fail-after-checkpoints");
            }
        }, true);
        assertEquals(2, FAILURES.get(), "two failures, each after a checkpoint of its attempt had completed");
        assertEquals(withoutFailure, comparable(rows));
    }

    @Test
    void aFailureBetweenACheckpointAndItsCommitLosesNothingAndRepeatsNothing() throws Exception {
        Map<OutputTable, List<String>> rows = run("commit-failure", new Sinks(config("commit-failure")) {
            @Override
            <T extends TableRow> Sink<T> sink(OutputTable table, FileSink<T> files) {
                return table == OutputTable.AGENT_STATUS ? new FirstCommitFails<>(files) : files;
            }
        }, true);
        assertEquals(1, FAILURES.get(), "the first commit of agent_status failed once");
        assertEquals(withoutFailure, comparable(rows));
    }

    /** Dead letters hold the time they were read: everything else must be the same, row for row. */
    private static Map<OutputTable, List<String>> comparable(Map<OutputTable, List<String>> tables) {
        Map<OutputTable, List<String>> out = new java.util.LinkedHashMap<>(tables);
        out.put(OutputTable.DEAD_LETTERS, tables.get(OutputTable.DEAD_LETTERS).stream()
                .map(line -> line.replaceAll("\"received_at\":\"[^\"]*\",", "")).sorted()
                .collect(Collectors.toList()));
        assertTrue(out.get(OutputTable.AGENT_STATUS).size() > 500, "a run with rows to lose");
        return out;
    }

    /** The production file sinks, with a place to put a fault before or around one table's sink. */
    private static class Sinks implements TableSinks {
        private final JobConfig config;

        Sinks(JobConfig config) {
            this.config = config;
        }

        @Override
        public <T extends TableRow> void write(OutputTable table, DataStream<T> rows) {
            FileSink<T> files = JobSinks.files(table, config.output);
            before(table, rows).sinkTo(sink(table, files)).uid(OperatorIds.fileSink(table.tableName()))
                    .name(table.tableName() + " files");
        }

        <T extends TableRow> DataStream<T> before(OutputTable table, DataStream<T> rows) {
            return rows;
        }

        <T extends TableRow> Sink<T> sink(OutputTable table, FileSink<T> files) {
            return files;
        }
    }

    /**
     * Passes rows on, and fails its task when a checkpoint of its attempt has completed, as long as fewer than two
     * failures happened: between the checkpoint's completion and the commit of its files, which the sinks of the
     * same task do on the same notification. An attempt always sees a checkpoint complete, however fast the machine
     * runs it: a task whose input has ended waits for a final checkpoint before it finishes. (Holding rows until
     * then, as this test once did, could stall: an operator that waits for its held rows at the end of input
     * blocks the very checkpoint that would release them.) Only the first subtask fails, so each failure has an
     * attempt of its own.
     */
    static final class FailAfterCheckpoint<T> extends ProcessFunction<T, T> implements CheckpointListener {
        private static final long serialVersionUID = 1L;

        @Override
        public void processElement(T row, Context ctx, Collector<T> out) {
            out.collect(row);
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            if (getRuntimeContext().getTaskInfo().getIndexOfThisSubtask() != 0) return;
            int before = FAILURES.getAndUpdate(failures -> failures < 2 ? failures + 1 : failures);
            if (before < 2) throw new IllegalStateException("injected failure " + (before + 1));
        }
    }

    /** The file sink, whose first commit of prepared files fails (once in the JVM's current test). */
    static final class FirstCommitFails<T> implements Sink<T>, SupportsWriterState<T, FileWriterBucketState>,
            SupportsCommitter<FileSinkCommittable> {
        private static final long serialVersionUID = 1L;
        private final FileSink<T> files;

        FirstCommitFails(FileSink<T> files) {
            this.files = files;
        }

        @Override
        @SuppressWarnings("deprecation")
        public SinkWriter<T> createWriter(InitContext context) throws IOException {
            return files.createWriter(context);
        }

        @Override
        public SinkWriter<T> createWriter(WriterInitContext context) throws IOException {
            return files.createWriter(context);
        }

        @Override
        public StatefulSinkWriter<T, FileWriterBucketState> restoreWriter(WriterInitContext context,
                Collection<FileWriterBucketState> state) throws IOException {
            return files.restoreWriter(context, state);
        }

        @Override
        public SimpleVersionedSerializer<FileWriterBucketState> getWriterStateSerializer() {
            return files.getWriterStateSerializer();
        }

        @Override
        public Committer<FileSinkCommittable> createCommitter(CommitterInitContext context) throws IOException {
            Committer<FileSinkCommittable> committer = files.createCommitter(context);
            return new Committer<>() {
                @Override
                public void commit(Collection<CommitRequest<FileSinkCommittable>> requests)
                        throws IOException, InterruptedException {
                    if (!requests.isEmpty() && FAILURES.compareAndSet(0, 1)) {
                        throw new IOException("injected failure of the first commit");
                    }
                    committer.commit(requests);
                }

                @Override
                public void close() throws Exception {
                    committer.close();
                }
            };
        }

        @Override
        public SimpleVersionedSerializer<FileSinkCommittable> getCommittableSerializer() {
            return files.getCommittableSerializer();
        }
    }
}
