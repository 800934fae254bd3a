package dev.agentanalytics.kinesis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentanalytics.config.JobConfig;
import dev.agentanalytics.output.OutputTable;
import dev.agentanalytics.source.simulator.SimulatedRecord;
import dev.agentanalytics.testing.ConnectEvents;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.runtime.testutils.InMemoryReporter;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.kinesis.model.Shard;
import software.amazon.awssdk.services.kinesis.model.StreamStatus;

/**
 * A stream resharded under a live job: while agents keep changing status (events stamped with the wall clock, as
 * Amazon Connect does), one shard is split in two, later its two children are merged again. Every event is
 * applied once and in its agent's order (the committed rows equal a replay's, and none is late), and the agent
 * engine's event time goes on past each reshard while the job runs: a closed shard does not hold it back.
 */
class KinesisReshardTest {
    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    private static final int AGENTS = 20;
    /** Events per second over all agents: each agent changes status every 200 ms. */
    private static final int RATE = 100;
    /** Events sent before the split, before the merge, and in all: 5 s of events in each part. */
    private static final int PART = 5 * RATE;
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
     * With {@code silent-stream-advance} a closed shard's time follows the wall clock; without it, the closed
     * shard lets go once silent for the idleness timeout.
     */
    @ParameterizedTest(name = "silent-stream-advance={0}")
    @ValueSource(booleans = {true, false})
    void aSplitAndAMergeDuringALiveRunApplyEveryEventOnceInOrder(boolean silentStreamAdvance) throws Exception {
        String stream = "reshard-events-" + silentStreamAdvance;
        String alerts = "reshard-alerts-" + silentStreamAdvance;
        KINESIS.createStream(stream, 2);
        KINESIS.createStream(alerts, 1);
        Map<String, String> keys = new HashMap<>(LiveJobs.kinesisKeys(KINESIS, stream, alerts,
                folder.resolve("live-output"), "5s"));
        keys.put("silent-stream-advance", Boolean.toString(silentStreamAdvance));
        keys.put("kinesis.shard-discovery-interval", "500ms");
        JobClient job = LiveJobs.start(JobConfig.fromMap(keys), null);

        LiveAgents agents = new LiveAgents();
        CompletableFuture<Long> producer = CompletableFuture.supplyAsync(() -> {
            try {
                return new StreamProducer(KINESIS.client(), stream, RATE, null).sendAll(agents);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });

        long split = agents.awaitSent(PART);
        Shard parent = shards(stream).get(0);
        split(stream, parent);
        long merge = agents.awaitSent(2 * PART);
        merge(stream, parent);

        agents.awaitSent(3 * PART);
        agents.stop();
        long sent = producer.get(2, TimeUnit.MINUTES);
        assertEquals(5, shards(stream).size(), "two shards, two children and their merge: " + shards(stream));
        LiveJobs.awaitEngineInput(KINESIS, METRICS, job, sent, TIMEOUT);
        LiveJobs.awaitEngineWatermarkPast(KINESIS, METRICS, job, split + 1, "the split", TIMEOUT);
        LiveJobs.awaitEngineWatermarkPast(KINESIS, METRICS, job, merge + 1, "the merge", TIMEOUT);
        job.stopWithSavepoint(true, folder.resolve("savepoints").toUri().toString(), SavepointFormatType.CANONICAL)
                .get(2, TimeUnit.MINUTES);
        job.getJobExecutionResult().get(2, TimeUnit.MINUTES);

        Map<OutputTable, List<String>> live = LiveJobs.tableRows(folder.resolve("live-output"));
        Map<OutputTable, List<String>> replay = LiveJobs.replay(agents.sent(), folder);
        System.out.println("resharded run, " + sent + " events: " + LiveJobs.counts(live));
        assertTrue(live.get(OutputTable.LATE_EVENTS).isEmpty(), "no event is late: " + live.get(OutputTable.LATE_EVENTS));
        LiveJobs.assertSameRows("The rows of the resharded run", replay, live);
    }

    /**
     * A backlog across a split and a merge: the job starts once all of it is in the stream, so parents, children
     * and the merged shard are all there to read at once. Each agent's events still apply once and in order.
     */
    @Test
    void aBacklogAcrossASplitAndAMergeIsAppliedOnceInOrder() throws Exception {
        String stream = "reshard-backlog";
        KINESIS.createStream(stream, 2);
        KINESIS.createStream("reshard-backlog-alerts", 1);
        List<SimulatedRecord> records = LiveJobs.simulatedContactCenter();
        int third = records.size() / 3;
        send(stream, records.subList(0, third));
        Shard parent = shards(stream).get(0);
        split(stream, parent);
        send(stream, records.subList(third, 2 * third));
        merge(stream, parent);
        send(stream, records.subList(2 * third, records.size()));

        JobClient job = LiveJobs.start(LiveJobs.backlogJob(KINESIS, stream, "reshard-backlog-alerts",
                folder.resolve("live-output"), "5s"), null);
        LiveJobs.awaitEngineInput(KINESIS, METRICS, job, LiveJobs.validEvents(records), TIMEOUT);
        job.stopWithSavepoint(true, folder.resolve("savepoints").toUri().toString(), SavepointFormatType.CANONICAL)
                .get(2, TimeUnit.MINUTES);
        job.getJobExecutionResult().get(2, TimeUnit.MINUTES);

        Map<OutputTable, List<String>> live = LiveJobs.tableRows(folder.resolve("live-output"));
        System.out.println("resharded backlog, " + records.size() + " events: " + LiveJobs.counts(live));
        assertTrue(live.get(OutputTable.LATE_EVENTS).isEmpty(), "no event is late: " + live.get(OutputTable.LATE_EVENTS));
        LiveJobs.assertSameRows("The rows of the resharded backlog", LiveJobs.replay(records, folder), live);
    }

    private static void send(String stream, List<SimulatedRecord> records) throws InterruptedException {
        new StreamProducer(KINESIS.client(), stream, 0, null).sendAll(LiveJobs.outgoing(records).iterator());
    }

    /** Splits {@code parent} at the middle of its hash keys. */
    private static void split(String stream, Shard parent) {
        BigInteger middle = new BigInteger(parent.hashKeyRange().startingHashKey())
                .add(new BigInteger(parent.hashKeyRange().endingHashKey())).shiftRight(1);
        KINESIS.client().splitShard(r -> r.streamName(stream).shardToSplit(parent.shardId())
                .newStartingHashKey(middle.toString()));
        awaitActive(stream);
    }

    /** Merges the two children of {@code parent} again. */
    private static void merge(String stream, Shard parent) {
        List<Shard> children = new ArrayList<>();
        for (Shard shard : shards(stream)) {
            if (parent.shardId().equals(shard.parentShardId())) children.add(shard);
        }
        assertEquals(2, children.size(), "the split made two children of " + parent.shardId());
        KINESIS.client().mergeShards(r -> r.streamName(stream).shardToMerge(children.get(0).shardId())
                .adjacentShardToMerge(children.get(1).shardId()));
        awaitActive(stream);
    }

    private static List<Shard> shards(String stream) {
        return KINESIS.client().listShards(r -> r.streamName(stream)).shards();
    }

    private static void awaitActive(String stream) {
        KINESIS.awaitCondition(TIMEOUT, "the stream to be ACTIVE after resharding", () -> KINESIS.client()
                .describeStreamSummary(r -> r.streamName(stream)).streamDescriptionSummary().streamStatus()
                == StreamStatus.ACTIVE);
    }

    /**
     * Agents that log in and then switch between Available and Break, in turn, each event stamped with the wall
     * clock when the producer takes it (never twice the same millisecond for one agent); once stopped, each logs
     * out, so that no status is left open (an open status grows with live event time, which a replay lacks).
     */
    private static final class LiveAgents implements Iterator<OutgoingRecord> {
        private final List<SimulatedRecord> sent = new ArrayList<>();
        private final long[] lastTime = new long[AGENTS];
        private boolean stopping;
        private int loggedOut;

        @Override
        public synchronized boolean hasNext() {
            return loggedOut < AGENTS;
        }

        @Override
        public synchronized OutgoingRecord next() {
            int number = sent.size();
            int agent = stopping ? loggedOut++ : number % AGENTS;
            int turn = number / AGENTS;
            long time = Math.max(System.currentTimeMillis(), lastTime[agent] + 1);
            lastTime[agent] = time;
            String arn = "arn:aws:connect:us-east-1:1:instance/i/agent/reshard-" + agent;
            String type = stopping ? "LOGOUT" : turn == 0 ? "LOGIN" : "STATE_CHANGE";
            ConnectEvents event = ConnectEvents.at(arn, "e" + number, type, Instant.ofEpochMilli(time))
                    .username("agent" + agent)
                    .servesBilling();
            if (stopping) {
                event.status("Offline", "OFFLINE");
            } else if (turn % 2 == 0) {
                event.status("Available", "ROUTABLE");
            } else {
                event.status("Break", "CUSTOM");
            }
            byte[] payload = event.json().getBytes(StandardCharsets.UTF_8);
            SimulatedRecord record = new SimulatedRecord(payload, time, arn);
            sent.add(record);
            notifyAll();
            return new OutgoingRecord(record.partitionKey, record.payload);
        }

        /** Waits until {@code count} events were taken; returns the time of the last one. */
        synchronized long awaitSent(int count) throws InterruptedException {
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (sent.size() < count) {
                long left = deadline - System.nanoTime();
                if (left <= 0) throw new AssertionError("The producer took only " + sent.size() + " events");
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
            return sent.get(count - 1).eventTime;
        }

        /** Each agent logs out next; then the events end. */
        synchronized void stop() {
            stopping = true;
        }

        synchronized List<SimulatedRecord> sent() {
            return new ArrayList<>(sent);
        }
    }
}
