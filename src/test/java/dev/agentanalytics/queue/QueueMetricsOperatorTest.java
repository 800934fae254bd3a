package dev.agentanalytics.queue;

import static dev.agentanalytics.testing.Events.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentanalytics.config.ConfigException;
import dev.agentanalytics.config.JobConfig;
import dev.agentanalytics.config.JobConfig.EngineSettings;
import dev.agentanalytics.output.QueueMetricsRow;
import dev.agentanalytics.testing.Events;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

/** The queue operator: agents' shares summed per queue and window, one row per window, written once. */
class QueueMetricsOperatorTest {
    private static final EngineSettings SETTINGS = EngineSettings.defaults(); // 15-minute windows
    private static final String BILLING = Events.BILLING.arn;

    private static KeyedOneInputStreamOperatorTestHarness<String, QueueShare, QueueMetricsRow> harness(
            EngineSettings settings, boolean batch, OperatorSubtaskState restoreFrom) throws Exception {
        KeyedOneInputStreamOperatorTestHarness<String, QueueShare, QueueMetricsRow> harness =
                new KeyedOneInputStreamOperatorTestHarness<>(new QueueMetricsOperator(settings, batch),
                        share -> share.queueArn, Types.STRING);
        if (restoreFrom != null) harness.initializeState(restoreFrom);
        harness.open();
        return harness;
    }

    /** One agent's share of Billing in the window starting at {@code window}: available and on-contact time. */
    private static QueueShare share(String window, long availableMs, long onContactMs) {
        QueueShare share = new QueueShare(BILLING, at(window));
        share.queueName = "Billing";
        share.nameAt = at(window) + 1;
        share.availableMs = availableMs;
        share.onContactMs = onContactMs;
        return share;
    }

    private static void send(KeyedOneInputStreamOperatorTestHarness<String, QueueShare, QueueMetricsRow> harness,
                             QueueShare share) throws Exception {
        harness.processElement(share, share.windowStart);
    }

    private static List<String> rows(KeyedOneInputStreamOperatorTestHarness<String, QueueShare, QueueMetricsRow> h) {
        return h.extractOutputValues().stream()
                .map(r -> r.windowStart.substring(11, 16) + " staffed=" + r.staffedMs + " available=" + r.availableMs
                        + " onContact=" + r.onContactMs)
                .collect(Collectors.toList());
    }

    @Test
    void aWindowIsWrittenOnceWhenTheWatermarkReachesItsLastMillisecond() throws Exception {
        var harness = harness(SETTINGS, false, null);
        send(harness, share("08:00:00", 600_000, 300_000));
        send(harness, share("08:00:00", 900_000, 0));
        send(harness, share("08:15:00", 60_000, 0));
        harness.processWatermark(at("08:15:00") - 2);
        assertEquals(List.of(), rows(harness), "the window is not complete before its last millisecond");
        harness.processWatermark(at("08:15:00") - 1);
        assertEquals(List.of("08:00 staffed=1800000 available=1500000 onContact=300000"), rows(harness));
        harness.processWatermark(at("08:20:00"));
        assertEquals(1, rows(harness).size(), "written once");
        harness.close();
    }

    @Test
    void theWindowsLeftAreWrittenWhenAStreamingInputEnds() throws Exception {
        var harness = harness(SETTINGS, false, null);
        send(harness, share("08:00:00", 600_000, 0));
        harness.processWatermark(Long.MAX_VALUE); // the final watermark: agents may still be finishing
        assertEquals(List.of(), rows(harness));
        send(harness, share("08:00:00", 300_000, 0)); // an agent finished after the final watermark
        harness.close(); // finish(): every share is in
        assertEquals(List.of("08:00 staffed=900000 available=900000 onContact=0"), rows(harness));
    }

    /**
     * A streaming job that fails after its final checkpoint (taken once every operator has finished, its rows
     * committed with it) restarts from that checkpoint and finishes again: the windows written at the first finish
     * must not come back (FailoverTest saw every queue row twice).
     */
    @Test
    void aRestoreFromACheckpointTakenAfterTheEndOfInputWritesNothingTwice() throws Exception {
        var first = harness(SETTINGS, false, null);
        send(first, share("08:00:00", 600_000, 0));
        send(first, share("08:15:00", 0, 60_000));
        first.processWatermark(Long.MAX_VALUE);
        first.getOperator().finish();
        assertEquals(2, rows(first).size());
        OperatorSubtaskState finalCheckpoint = first.snapshot(2L, 2L);
        var second = harness(SETTINGS, false, finalCheckpoint);
        second.processWatermark(Long.MAX_VALUE);
        second.close(); // finish() again
        assertEquals(List.of(), rows(second), "the first finish's rows are committed with the checkpoint");
    }

    @Test
    void inBatchModeEachQueuesWindowsAreWrittenAtTheEndOfItsInput() throws Exception {
        var harness = harness(SETTINGS, true, null);
        send(harness, share("08:00:00", 600_000, 0));
        send(harness, share("08:15:00", 0, 60_000));
        harness.processWatermark(Long.MAX_VALUE); // BATCH mode fires a key's timers at the end of its input
        assertEquals(List.of("08:00 staffed=600000 available=600000 onContact=0",
                "08:15 staffed=60000 available=0 onContact=60000"), rows(harness));
        harness.close();
        assertEquals(2, rows(harness).size(), "finishing writes nothing twice");
    }

    @Test
    void aShareThatArrivesAfterItsWindowWasWrittenIsNotWrittenAgain() throws Exception {
        var harness = harness(SETTINGS, false, null);
        send(harness, share("08:00:00", 600_000, 0));
        harness.processWatermark(at("08:15:00") - 1);
        send(harness, share("08:00:00", 300_000, 0)); // impossible from a correct engine
        harness.processWatermark(at("08:30:00"));
        harness.close();
        assertEquals(List.of("08:00 staffed=600000 available=600000 onContact=0"), rows(harness));
    }

    @Test
    void aSnapshotRestoresOpenWindowsAndTheirTimers() throws Exception {
        var first = harness(SETTINGS, false, null);
        send(first, share("08:00:00", 600_000, 0));
        OperatorSubtaskState snapshot = first.snapshot(1L, 1L);
        first.close();
        var second = harness(SETTINGS, false, snapshot);
        send(second, share("08:00:00", 0, 120_000));
        second.processWatermark(at("08:15:00") - 1);
        assertEquals(List.of("08:00 staffed=720000 available=600000 onContact=120000"), rows(second));
        second.close();
    }

    @Test
    void aRestoreWithAnotherWindowIsRefusedNamingTheKey() throws Exception {
        var first = harness(SETTINGS, false, null);
        send(first, share("08:00:00", 600_000, 0));
        OperatorSubtaskState snapshot = first.snapshot(1L, 1L);
        first.close();
        EngineSettings halfHour = JobConfig.fromMap(Map.of("window", "30m")).engine;
        ConfigException refused = assertThrows(ConfigException.class, () -> harness(halfHour, false, snapshot));
        assertTrue(refused.getMessage().contains("configuration key 'window'"), refused.getMessage());
        assertTrue(refused.getMessage().contains("15m") && refused.getMessage().contains("30m"),
                refused.getMessage());
    }
}
