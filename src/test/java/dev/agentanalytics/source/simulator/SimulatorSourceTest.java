package dev.agentanalytics.source.simulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.agentanalytics.config.JobConfig;
import dev.agentanalytics.parse.ParsedRecord;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.functions.source.SourceFunction;
import org.apache.flink.streaming.api.operators.StreamSource;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.util.AbstractStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

/** The Flink source: parses every record once and resumes after a restore exactly where it stopped. */
class SimulatorSourceTest {
    private static final JobConfig.SimulatorSettings SETTINGS = SimulatorRun.settings("agents", "10",
            "duration", "20m", "seed", "9", "duplicates", "0.05", "malformed", "0.05", "out-of-order", "0.1");

    @Test
    void emitsTheSimulatedRecordsParsed() throws Exception {
        SimulatorRun expected = SimulatorRun.of(5000, "agents", "10", "duration", "20m", "seed", "9",
                "duplicates", "0.05", "malformed", "0.05", "out-of-order", "0.1");
        SimulatorSource source = new SimulatorSource(SETTINGS, JobConfig.RecordSettings.defaults(), 5000);
        AbstractStreamOperatorTestHarness<ParsedRecord> harness = harness(source);
        harness.initializeEmptyState();
        harness.open();
        Collector collected = new Collector(source, Long.MAX_VALUE);
        source.run(collected);
        assertSameRecords(expected.records, collected.records, 0);
        harness.close();
    }

    @Test
    void aRestoredSourceSkipsWhatItHadEmitted() throws Exception {
        SimulatorRun expected = SimulatorRun.of(5000, "agents", "10", "duration", "20m", "seed", "9",
                "duplicates", "0.05", "malformed", "0.05", "out-of-order", "0.1");
        SimulatorSource first = new SimulatorSource(SETTINGS, JobConfig.RecordSettings.defaults(), 5000);
        AbstractStreamOperatorTestHarness<ParsedRecord> firstHarness = harness(first);
        firstHarness.initializeEmptyState();
        firstHarness.open();
        Collector before = new Collector(first, 100);
        first.run(before);
        OperatorSubtaskState snapshot = firstHarness.snapshot(1, 1);
        firstHarness.close();

        SimulatorSource restored = new SimulatorSource(SETTINGS, JobConfig.RecordSettings.defaults(), 5000);
        AbstractStreamOperatorTestHarness<ParsedRecord> restoredHarness = harness(restored);
        restoredHarness.initializeState(snapshot);
        restoredHarness.open();
        Collector after = new Collector(restored, Long.MAX_VALUE);
        restored.run(after);
        restoredHarness.close();

        assertEquals(100, before.records.size());
        assertSameRecords(expected.records, before.records, 0);
        assertEquals(expected.records.size(), before.records.size() + after.records.size());
        assertSameRecords(expected.records, after.records, 100);
    }

    private static AbstractStreamOperatorTestHarness<ParsedRecord> harness(SimulatorSource source)
            throws Exception {
        return new AbstractStreamOperatorTestHarness<>(new StreamSource<>(source), 1, 1, 0);
    }

    private static void assertSameRecords(List<SimulatedRecord> expected, List<ParsedRecord> actual, int offset) {
        for (int i = 0; i < actual.size(); i++) {
            ParsedRecord record = actual.get(i);
            byte[] payload = record.isValid() ? record.event.raw : null;
            if (payload != null) {
                assertArrayEquals(expected.get(offset + i).payload, payload, "record " + (offset + i));
                assertEquals(expected.get(offset + i).eventTime, record.event.eventTime);
            }
        }
    }

    /** Collects what the source emits and cancels it after {@code limit} records, as a job stop would. */
    private static final class Collector implements SourceFunction.SourceContext<ParsedRecord> {
        final List<ParsedRecord> records = new ArrayList<>();
        private final SimulatorSource source;
        private final long limit;
        private final Object lock = new Object();

        Collector(SimulatorSource source, long limit) {
            this.source = source;
            this.limit = limit;
        }

        @Override
        public void collect(ParsedRecord element) {
            records.add(element);
            if (records.size() >= limit) source.cancel();
        }

        @Override
        public void collectWithTimestamp(ParsedRecord element, long timestamp) {
            collect(element);
        }

        @Override
        public void emitWatermark(Watermark mark) {}

        @Override
        public void markAsTemporarilyIdle() {}

        @Override
        public Object getCheckpointLock() {
            return lock;
        }

        @Override
        public void close() {}
    }
}
