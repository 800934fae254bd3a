package dev.agentanalytics.kinesis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentanalytics.output.OutputTable;
import dev.agentanalytics.source.simulator.SimulatedRecord;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.model.PutRecordResponse;
import software.amazon.awssdk.services.kinesis.model.Record;

/**
 * The live path end to end with the real connectors: simulated events sent with the producer to a 2-shard
 * stream of the emulator, read by FlinkKinesisConsumer in a MiniCluster, alerts written back to a second stream by
 * KinesisStreamsSink. Stopped with a drain once everything is read, the live job must have written exactly the
 * rows of a BATCH replay of the same events.
 */
class KinesisEndToEndTest {
    private static final Duration CONSUME_TIMEOUT = Duration.ofMinutes(2);

    private static final InMemoryReporter METRICS = InMemoryReporter.create();
    private static final ObjectMapper JSON = new ObjectMapper();

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

    /** Two shards read by two subtasks with the default bound; alerts also go to a second stream. */
    @Test
    void theLiveJobWritesTheRowsOfAReplayAndSendsEveryAlertToKinesis() throws Exception {
        String events = "e2e-events";
        String alerts = "e2e-alerts";
        KINESIS.createStream(events, 2);
        KINESIS.createStream(alerts, 1);
        List<SimulatedRecord> records = LiveJobs.simulatedContactCenter();
        new StreamProducer(KINESIS.client(), events, 0, null).sendAll(LiveJobs.outgoing(records).iterator());

        Path output = folder.resolve("live-output");
        JobClient job = LiveJobs.start(LiveJobs.backlogJob(KINESIS, events, alerts, output, "5s"), null);
        LiveJobs.awaitEngineInput(KINESIS, METRICS, job, LiveJobs.validEvents(records), CONSUME_TIMEOUT);
        // The drain sends the final watermark: open windows and deadlines resolve as at the end of a replay.
        job.stopWithSavepoint(true, folder.resolve("savepoints").toUri().toString(), SavepointFormatType.CANONICAL)
                .get(2, TimeUnit.MINUTES);
        job.getJobExecutionResult().get(2, TimeUnit.MINUTES);

        Map<OutputTable, List<String>> live = LiveJobs.tableRows(output);
        Map<OutputTable, List<String>> replay = LiveJobs.replay(records, folder);
        System.out.println(records.size() + " records sent; rows of the replay: " + LiveJobs.counts(replay)
                + "; of the live job: " + LiveJobs.counts(live));
        assertFalse(replay.get(OutputTable.ALERTS).isEmpty(), "the silent agents should raise alerts");
        assertTrue(replay.get(OutputTable.DEAD_LETTERS).isEmpty(), "no malformed records were sent");
        LiveJobs.assertSameRows("The live job's rows", replay, live);

        List<String> streamed = new ArrayList<>();
        for (Record alert : KINESIS.readAll(alerts)) {
            streamed.add(LiveJobs.canonical(OutputTable.ALERTS, alert.data().asString(StandardCharsets.UTF_8)));
        }
        Collections.sort(streamed);
        assertEquals(live.get(OutputTable.ALERTS), streamed, "alerts on the stream vs the alerts table");
    }

    /**
     * The default 5 s bound on one shard: windows close while the job reads, as in production; the second subtask
     * has no shard and must hold nobody back.
     */
    @Test
    void aLiveRunOnOneShardWithTheDefaultBoundWritesTheRowsOfAReplay() throws Exception {
        liveRunWritesTheRowsOfAReplay("one-shard-events", 1);
    }

    /**
     * A backlog on two shards read with the default 5 s bound, as after downtime or on a first start at
     * TRIM_HORIZON: every event is in order on its shard, so none may be late although one shard is read ahead of
     * the other (watermarks are tracked per shard, and held back at start-up until every shard has spoken).
     */
    @Test
    void aBacklogOnTwoShardsComesInOnTime() throws Exception {
        liveRunWritesTheRowsOfAReplay("backlog-events", 2);
    }

    /**
     * Records the source cannot decode (bytes that are not UTF-8, JSON cut off, a JSON array) sent between valid
     * events: each is a dead letter that names its shard and sequence number, and the job goes on to write the rows
     * of a replay of the valid events.
     */
    @Test
    void aRecordTheSourceCannotDecodeIsADeadLetterWithItsShardAndSequenceNumber() throws Exception {
        String events = "undecodable-events";
        KINESIS.createStream(events, 2);
        List<SimulatedRecord> records = LiveJobs.simulatedContactCenter();
        int half = records.size() / 2;
        new StreamProducer(KINESIS.client(), events, 0, null)
                .sendAll(LiveJobs.outgoing(records.subList(0, half)).iterator());
        Map<String, String> expected = new TreeMap<>(); // sequence number -> shard
        byte[][] undecodable = {
            {'{', '"', 'A', (byte) 0xC3, (byte) 0x28, '"', '}'}, // invalid UTF-8
            "{\"AgentARN\": \"arn:aws:connect:x\", \"EventType\": \"HEART_".getBytes(StandardCharsets.UTF_8),
            "[1, 2, 3]".getBytes(StandardCharsets.UTF_8)};
        for (int i = 0; i < undecodable.length; i++) {
            int key = i;
            PutRecordResponse sent = KINESIS.client().putRecord(r -> r.streamName(events).partitionKey("bad-" + key)
                    .data(SdkBytes.fromByteArray(undecodable[key])));
            expected.put(sent.sequenceNumber(), sent.shardId());
        }
        new StreamProducer(KINESIS.client(), events, 0, null)
                .sendAll(LiveJobs.outgoing(records.subList(half, records.size())).iterator());

        Path output = folder.resolve("live-output");
        JobClient job = LiveJobs.start(LiveJobs.backlogJob(KINESIS, events, "", output, "5s"), null);
        LiveJobs.awaitEngineInput(KINESIS, METRICS, job, LiveJobs.validEvents(records), CONSUME_TIMEOUT);
        job.stopWithSavepoint(true, folder.resolve("savepoints").toUri().toString(), SavepointFormatType.CANONICAL)
                .get(2, TimeUnit.MINUTES);
        job.getJobExecutionResult().get(2, TimeUnit.MINUTES);

        Map<OutputTable, List<String>> live = LiveJobs.tableRows(output);
        Map<String, String> found = new TreeMap<>();
        for (String row : live.get(OutputTable.DEAD_LETTERS)) {
            JsonNode letter = JSON.readTree(row);
            assertFalse(letter.get("reason").asText().isEmpty(), row);
            found.put(letter.get("position").asText(), letter.get("origin").asText());
        }
        assertEquals(expected, found, "dead letters by sequence number and shard");
        live.put(OutputTable.DEAD_LETTERS, List.of());
        LiveJobs.assertSameRows("The live job's rows around the dead letters", LiveJobs.replay(records, folder),
                live);
    }

    /** Sends the simulated events, runs the job until windows close and rows are committed, then drains it. */
    private void liveRunWritesTheRowsOfAReplay(String events, int shards) throws Exception {
        KINESIS.createStream(events, shards);
        List<SimulatedRecord> records = LiveJobs.simulatedContactCenter();
        new StreamProducer(KINESIS.client(), events, 0, null).sendAll(LiveJobs.outgoing(records).iterator());

        Path output = folder.resolve("live-output");
        // The whole input is a backlog: start-up gives each subtask the time to find its shard.
        JobClient job = LiveJobs.start(LiveJobs.backlogJob(KINESIS, events, "", output, "5s"), null);
        LiveJobs.awaitEngineInput(KINESIS, METRICS, job, LiveJobs.validEvents(records), CONSUME_TIMEOUT);
        // After start-up the watermark moves while the job runs: windows close and their rows are committed.
        KINESIS.awaitCondition(CONSUME_TIMEOUT, "rows committed before the drain", () -> {
            try {
                return !LiveJobs.tableRows(output).get(OutputTable.AGENT_STATUS).isEmpty();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        job.stopWithSavepoint(true, folder.resolve("savepoints").toUri().toString(), SavepointFormatType.CANONICAL)
                .get(2, TimeUnit.MINUTES);
        job.getJobExecutionResult().get(2, TimeUnit.MINUTES);

        LiveJobs.assertSameRows("The live job's rows", LiveJobs.replay(records, folder), LiveJobs.tableRows(output));
    }
}
