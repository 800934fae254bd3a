package dev.agentanalytics.kinesis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentanalytics.config.JobConfig;
import dev.agentanalytics.output.OutputTable;
import dev.agentanalytics.source.simulator.SimulatedRecord;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.runtime.testutils.InMemoryReporter;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.kinesis.model.Record;

/**
 * An upgrade in the middle of a shift: the job is stopped with a savepoint (no drain) after the first half of the
 * events, the second half arrives while it is down, and it starts again from the savepoint. Nothing may be lost
 * and nothing counted twice: the rows committed by both runs together are those of a replay of all events, and
 * windows still open at the savepoint come out once, after the restart.
 */
class KinesisRestartTest {
    private static final Duration CONSUME_TIMEOUT = Duration.ofMinutes(2);

    private static final InMemoryReporter METRICS = InMemoryReporter.create();

    @RegisterExtension
    static final KinesisEmulatorExtension KINESIS = new KinesisEmulatorExtension();

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setConfiguration(METRICS.addToConfiguration(new Configuration()))
            .setNumberTaskManagers(1)
            .setNumberSlotsPerTaskManager(2)
            .build());

    @TempDir
    Path folder;

    /**
     * One shard and the default 5 s bound, so windows close while the first run reads: on one shard every
     * event is in order, and the consumer's problem with several shards (KinesisEndToEndTest) cannot arise.

     */
    @Test
    void aRestartFromASavepointLosesNothingAndCountsNothingTwice() throws Exception {
        String events = "restart-events";
        String alerts = "restart-alerts";
        KINESIS.createStream(events, 1);
        KINESIS.createStream(alerts, 1);
        List<SimulatedRecord> records = LiveJobs.simulatedContactCenter();
        List<SimulatedRecord> firstHalf = records.subList(0, records.size() / 2);
        List<SimulatedRecord> secondHalf = records.subList(records.size() / 2, records.size());
        Path output = folder.resolve("live-output");
        JobConfig config = LiveJobs.kinesisJob(KINESIS, events, alerts, output, "5s");
        String savepoints = folder.resolve("savepoints").toUri().toString();

        new StreamProducer(KINESIS.client(), events, 0, null).sendAll(LiveJobs.outgoing(firstHalf).iterator());
        JobClient first = LiveJobs.start(config, null);
        LiveJobs.awaitEngineInput(KINESIS, METRICS, first, LiveJobs.validEvents(firstHalf), CONSUME_TIMEOUT);
        // Once start-up is over, the watermark closes the first windows and a checkpoint commits their rows.
        KINESIS.awaitCondition(CONSUME_TIMEOUT, "the first run to commit rows",
                () -> committedRows(output) > 0);
        // No drain: open windows, sessions and deadlines stay in the savepoint.
        String savepoint = first.stopWithSavepoint(false, savepoints, SavepointFormatType.CANONICAL).get(2, TimeUnit.MINUTES);
        first.getJobExecutionResult().get(2, TimeUnit.MINUTES);
        long rowsBeforeRestart = rowCount(LiveJobs.tableRows(output));

        new StreamProducer(KINESIS.client(), events, 0, null).sendAll(LiveJobs.outgoing(secondHalf).iterator());
        JobClient second = LiveJobs.start(config, savepoint);
        LiveJobs.awaitEngineInput(KINESIS, METRICS, second, LiveJobs.validEvents(secondHalf), CONSUME_TIMEOUT);
        second.stopWithSavepoint(true, savepoints, SavepointFormatType.CANONICAL).get(2, TimeUnit.MINUTES);
        second.getJobExecutionResult().get(2, TimeUnit.MINUTES);

        Map<OutputTable, List<String>> live = LiveJobs.tableRows(output);
        Map<OutputTable, List<String>> replay = LiveJobs.replay(records, folder);
        System.out.println(records.size() + " records; rows committed before the restart: " + rowsBeforeRestart
                + "; in all: " + LiveJobs.counts(live) + "; replay: " + LiveJobs.counts(replay));
        assertTrue(rowsBeforeRestart > 0 && rowsBeforeRestart < rowCount(replay),
                "the first run should commit some rows and leave windows open, committed " + rowsBeforeRestart);
        LiveJobs.assertSameRows("The rows of both runs", replay, live);

        List<String> streamed = new ArrayList<>();
        for (Record alert : KINESIS.readAll(alerts)) {
            streamed.add(LiveJobs.canonical(OutputTable.ALERTS, alert.data().asString(StandardCharsets.UTF_8)));
        }
        Collections.sort(streamed);
        assertEquals(live.get(OutputTable.ALERTS), streamed, "alerts on the stream vs the alerts table");
    }

    private static long committedRows(Path output) {
        try {
            return rowCount(LiveJobs.tableRows(output));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static long rowCount(Map<OutputTable, List<String>> tables) {
        return tables.values().stream().mapToLong(List::size).sum();
    }
}
