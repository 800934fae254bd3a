package dev.agentanalytics.kinesis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.agentanalytics.config.JobConfig;
import dev.agentanalytics.output.OutputTable;
import dev.agentanalytics.source.simulator.SimulatedRecord;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.runtime.testutils.InMemoryReporter;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.kinesis.model.Record;

/**
 * Kinesis going away under a live job. The emulator killed mid-run and started again with the same data (as
 * the service keeps every acknowledged record through an outage): the job restarts on its own and loses no
 * record. The alert stream throttled, then out, then back: no alert is lost. Either way the committed rows of
 * every table equal a replay of the same events; after the alert sink's outage every alert of the table is on the
 * stream (at least once: a restart may send an alert again, see docs/kinesis.md).
 */
class KinesisOutageTest {
    private static final Duration TIMEOUT = Duration.ofMinutes(3);
    private static final Duration BOUND = Duration.ofSeconds(5);
    private static final InMemoryReporter METRICS = InMemoryReporter.create();

    @RegisterExtension
    static final KinesisEmulatorExtension KINESIS = KinesisEmulatorExtension.persistent();

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setConfiguration(METRICS.addToConfiguration(new Configuration()))
            .setNumberTaskManagers(1)
            .setNumberSlotsPerTaskManager(2)
            .build());

    @TempDir
    Path folder;

    @Test
    void theEmulatorKilledAndStartedAgainMidRunLosesNoRecord() throws Exception {
        String events = "outage-events";
        KINESIS.createStream(events, 2);
        List<SimulatedRecord> records = LiveJobs.simulatedContactCenter();
        List<SimulatedRecord> firstHalf = records.subList(0, records.size() / 2);
        // No alert stream here: the killed emulator loses what it acknowledged after its last write to disk, which
        // Kinesis never does; the alert sink's outage is the next test's.
        JobClient job = LiveJobs.start(LiveJobs.kinesisJob(KINESIS, events, "", folder.resolve("live-output"),
                BOUND.toSeconds() + "s"), null);
        try {
            send(events, firstHalf);
            LiveJobs.awaitEngineInput(KINESIS, METRICS, job, LiveJobs.validEvents(firstHalf), TIMEOUT);

            KINESIS.crash();
            KINESIS.awaitCondition(TIMEOUT, "the job to fail over while Kinesis is out", () -> restarts(job) >= 1);
            System.out.println("job restarts while Kinesis was out: " + restarts(job));
            KINESIS.start();
            send(events, records.subList(firstHalf.size(), records.size()));

            finish(job, records, events, null);
        } finally {
            LiveJobs.cancelIfRunning(job);
        }
    }

    @Test
    void theAlertSinkRidesOutThrottlingAndAnOutage() throws Exception {
        String events = "faulty-events";
        String alerts = "faulty-alerts";
        KINESIS.createStream(events, 2);
        KINESIS.createStream(alerts, 1);
        List<SimulatedRecord> records = LiveJobs.simulatedContactCenter();
        // The last quarter comes after the outage: a job restarted from a checkpoint taken once it had read
        // everything would otherwise read nothing more, and event time only moves on with records.
        int beforeOutage = records.size() * 3 / 4;
        send(events, records.subList(0, beforeOutage));
        try (FaultyKinesisProxy proxy = new FaultyKinesisProxy(KINESIS.endpoint())) {
            proxy.writes(FaultyKinesisProxy.Writes.THROTTLED);
            Map<String, String> keys = new HashMap<>(LiveJobs.kinesisKeys(KINESIS, events, alerts,
                    folder.resolve("live-output"), BOUND.toSeconds() + "s"));
            keys.put("kinesis.endpoint", proxy.endpoint());
            keys.put("kinesis.http-protocol", "HTTP1_1"); // the proxy speaks HTTP/1.1 only
            JobClient job = LiveJobs.start(JobConfig.fromMap(keys), null);
            try {
                KINESIS.awaitCondition(TIMEOUT, "alerts to be throttled", () -> proxy.throttled() >= 4);
                proxy.writes(FaultyKinesisProxy.Writes.OUT);
                // Throttled alerts stay in the sink's buffer, so the outage meets a write; once the client's own
                // retries go unanswered the job fails over. (Waiting for more unanswered writes could wait for
                // ever: the restarted job raises its alerts again only when records come again, sent below.)
                KINESIS.awaitCondition(TIMEOUT, "the job to fail over while alert writes go unanswered",
                        () -> restarts(job) >= 1);
                proxy.writes(FaultyKinesisProxy.Writes.PASS);
                System.out.println("alert writes throttled: " + proxy.throttled() + ", unanswered: "
                        + proxy.cut() + ", job restarts: " + restarts(job));
                send(events, records.subList(beforeOutage, records.size()));
                finish(job, records, events, alerts);
            } finally {
                System.out.println("calls through the proxy: " + proxy.calls());
                LiveJobs.cancelIfRunning(job);
            }
        }
    }

    private static void send(String stream, List<SimulatedRecord> records) throws InterruptedException {
        new StreamProducer(KINESIS.client(), stream, 0, null).sendAll(LiveJobs.outgoing(records).iterator());
    }

    /** Restarts of the job so far (the job's numRestarts gauge). */
    private static long restarts(JobClient job) {
        return METRICS.findMetric(job.getJobID(), "numRestarts")
                .map(metric -> ((Number) ((Gauge<?>) metric).getValue()).longValue())
                .orElse(0L);
    }

    /**
     * Waits until every record is read (event time reaches where it stands once all are), drains the job, and
     * compares its tables with a replay and (unless {@code alerts} is null) its alert stream with its alert table.
     */
    private void finish(JobClient job, List<SimulatedRecord> records, String events, String alerts)
            throws Exception {
        long allRead = LiveJobs.watermarkOnceAllRead(records,
                KINESIS.client().listShards(r -> r.streamName(events)).shards(), BOUND);
        LiveJobs.awaitEngineWatermarkPast(KINESIS, METRICS, job, allRead, "the newest event of every shard",
                TIMEOUT);
        job.stopWithSavepoint(true, folder.resolve("savepoints").toUri().toString(), SavepointFormatType.CANONICAL)
                .get(2, TimeUnit.MINUTES);
        job.getJobExecutionResult().get(2, TimeUnit.MINUTES);

        Map<OutputTable, List<String>> live = LiveJobs.tableRows(folder.resolve("live-output"));
        Map<OutputTable, List<String>> replay = LiveJobs.replay(records, folder);
        LiveJobs.assertSameRows("The rows of the run through the outage", replay, live);

        assertFalse(live.get(OutputTable.ALERTS).isEmpty(), "the silent agents should raise alerts");
        if (alerts == null) {
            System.out.println(records.size() + " records: " + LiveJobs.counts(live));
            return;
        }
        List<String> streamed = new ArrayList<>();
        for (Record alert : KINESIS.readAll(alerts)) {
            streamed.add(LiveJobs.canonical(OutputTable.ALERTS, alert.data().asString(StandardCharsets.UTF_8)));
        }
        System.out.println(records.size() + " records: " + LiveJobs.counts(live)
                + "; alerts on the stream " + streamed.size());
        assertEquals(new TreeSet<>(live.get(OutputTable.ALERTS)), new TreeSet<>(streamed),
                "every alert of the table on the stream, and no other");
    }
}
