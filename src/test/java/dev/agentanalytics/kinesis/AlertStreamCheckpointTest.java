package dev.agentanalytics.kinesis;

import static dev.agentanalytics.testing.SampleRows.staleAlert;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.agentanalytics.config.JobConfig;
import dev.agentanalytics.output.AlertRow;
import dev.agentanalytics.sink.JobSinks;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.connector.sink2.CommittableMessage;
import org.apache.flink.streaming.runtime.operators.sink.SinkWriterOperatorFactory;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The alert sink at a checkpoint barrier, with the real Kinesis sink against the emulator and the barrier placed by
 * the test: what was raised before the barrier is on the stream when the checkpoint is taken, and a writer restored
 * from that checkpoint sends nothing again. (Flink's async sinks otherwise keep their buffer in the checkpoint and
 * send it anyway, so a stop-with-savepoint and restart would repeat those alerts.)
 */
class AlertStreamCheckpointTest {
    @RegisterExtension
    static final KinesisEmulatorExtension KINESIS = new KinesisEmulatorExtension();

    @TempDir
    Path folder;

    @Test
    void alertsRaisedBeforeABarrierAreSentBeforeItAndNotAgainAfterARestore() throws Exception {
        String stream = "checkpointed-alerts";
        KINESIS.createStream(stream, 1);
        JobConfig config = LiveJobs.kinesisJob(KINESIS, "unused-input", stream, folder, "5s");

        OperatorSubtaskState checkpoint;
        try (OneInputStreamOperatorTestHarness<AlertRow, CommittableMessage<Void>> writer = harness(config)) {
            writer.open();
            writer.processElement(staleAlert("a-1"), 1L);
            writer.processElement(staleAlert("a-2"), 2L);
            // The harness's clock stands still, so the sink's 500 ms buffer timer cannot send them: only the barrier.
            writer.prepareSnapshotPreBarrier(1);
            checkpoint = writer.snapshot(1, 3L);
            assertEquals(List.of("a-1", "a-2"), alertIdsOnTheStream(stream), "on the stream at the barrier");
        }

        try (OneInputStreamOperatorTestHarness<AlertRow, CommittableMessage<Void>> restored = harness(config)) {
            restored.initializeState(checkpoint);
            restored.open();
            restored.processElement(staleAlert("a-3"), 4L);
            restored.endInput();
            restored.prepareSnapshotPreBarrier(2);
        }
        assertEquals(List.of("a-1", "a-2", "a-3"), alertIdsOnTheStream(stream), "after a restore");
    }

    private static OneInputStreamOperatorTestHarness<AlertRow, CommittableMessage<Void>> harness(JobConfig config)
            throws Exception {
        return new OneInputStreamOperatorTestHarness<>(new SinkWriterOperatorFactory<>(JobSinks.alertStream(config.kinesis)));
    }

    private static List<String> alertIdsOnTheStream(String stream) {
        return KINESIS.readAll(stream).stream()
                .map(record -> record.data().asString(StandardCharsets.UTF_8))
                .map(json -> json.replaceAll(".*\"alert_id\":\"([^\"]*)\".*", "$1"))
                .collect(Collectors.toList());
    }
}
