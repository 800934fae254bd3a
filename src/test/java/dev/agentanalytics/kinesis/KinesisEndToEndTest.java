package dev.agentanalytics.kinesis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentanalytics.output.OutputTable;
import dev.agentanalytics.source.simulator.SimulatedRecord;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
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
 * The live path end to end with the real connectors: simulated events sent with the producer to a 2-shard
 * stream of the emulator, read by FlinkKinesisConsumer in a MiniCluster, alerts written back to a second stream by
 * KinesisStreamsSink. Stopped with a drain once everything is read, the live job must have written exactly the
 * rows of a BATCH replay of the same events.
 */
class KinesisEndToEndTest {
    private static final String EVENTS = "agent-events";
    private static final String ALERTS = "agent-alerts";
    private static final Duration CONSUME_TIMEOUT = Duration.ofMinutes(2);

    private static final InMemoryReporter METRICS = InMemoryReporter.create();

    @RegisterExtension
    static final KinesisEmulatorExtension KINESIS = new KinesisEmulatorExtension();

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setConfiguration(METRICS.addToConfiguration(new org.apache.flink.configuration.Configuration()))
            .setNumberTaskManagers(1)
            .setNumberSlotsPerTaskManager(2)
            .build());

    @TempDir
    Path folder;

    @Test
    void theLiveJobWritesTheRowsOfAReplayAndSendsEveryAlertToKinesis() throws Exception {
        KINESIS.createStream(EVENTS, 2);
        KINESIS.createStream(ALERTS, 1);
        List<SimulatedRecord> records = LiveJobs.simulatedContactCenter();
        new StreamProducer(KINESIS.client(), EVENTS, 0, null).sendAll(LiveJobs.outgoing(records).iterator());

        Path output = folder.resolve("live-output");
        JobClient job = LiveJobs.start(LiveJobs.kinesisJob(KINESIS, EVENTS, ALERTS, output), null);
        LiveJobs.awaitEngineInput(KINESIS, METRICS, job, LiveJobs.validEvents(records), CONSUME_TIMEOUT);
        // The drain sends the final watermark: open windows and deadlines resolve as at the end of a replay.
        job.stopWithSavepoint(true, folder.resolve("savepoints").toUri().toString(), SavepointFormatType.CANONICAL)
                .get();
        job.getJobExecutionResult().get();

        Map<OutputTable, List<String>> live = LiveJobs.tableRows(output);
        Map<OutputTable, List<String>> replay = LiveJobs.replay(records, folder);
        assertFalse(replay.get(OutputTable.ALERTS).isEmpty(), "the silent agents should raise alerts");
        assertTrue(replay.get(OutputTable.DEAD_LETTERS).isEmpty(), "no malformed records were sent");
        LiveJobs.assertSameRows("The live job's rows", replay, live);

        List<String> streamed = new ArrayList<>();
        for (Record alert : KINESIS.readAll(ALERTS)) {
            streamed.add(LiveJobs.canonical(OutputTable.ALERTS, alert.data().asString(StandardCharsets.UTF_8)));
        }
        Collections.sort(streamed);
        assertEquals(live.get(OutputTable.ALERTS), streamed, "alerts on the stream vs the alerts table");
    }
}
