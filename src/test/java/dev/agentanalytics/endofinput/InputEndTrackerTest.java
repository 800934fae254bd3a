package dev.agentanalytics.endofinput;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.agentanalytics.event.AgentEvent;
import dev.agentanalytics.output.UtcTimes;
import dev.agentanalytics.testing.Events;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

/** Step 1 of the end of input: events pass through, and when the input ends one report says how far it went. */
class InputEndTrackerTest {
    private static OneInputStreamOperatorTestHarness<AgentEvent, AgentEvent> harness(OperatorSubtaskState restore)
            throws Exception {
        OneInputStreamOperatorTestHarness<AgentEvent, AgentEvent> harness =
                new OneInputStreamOperatorTestHarness<>(new InputEndTracker(), 128, 2, 1);
        if (restore != null) harness.initializeState(restore);
        harness.open();
        return harness;
    }

    private static void send(OneInputStreamOperatorTestHarness<AgentEvent, AgentEvent> harness, String time)
            throws Exception {
        AgentEvent event = Events.heartBeat(time).available().build();
        harness.processElement(event, event.eventTime);
    }

    private static List<String> reports(OneInputStreamOperatorTestHarness<AgentEvent, AgentEvent> harness) {
        return harness.getSideOutput(InputEndTracker.REPORTS) == null ? List.of()
                : harness.getSideOutput(InputEndTracker.REPORTS).stream().map(StreamRecord::getValue)
                        .map(r -> r.subtask + "/" + r.subtasks + " " + UtcTimes.iso(r.maxEventTime).substring(11, 19))
                        .collect(Collectors.toList());
    }

    @Test
    void eventsPassThroughAndTheFinalWatermarkCarriesOneReport() throws Exception {
        var harness = harness(null);
        send(harness, "08:05:00");
        send(harness, "08:01:00");
        assertEquals(2, harness.extractOutputValues().size());
        harness.processWatermark(Watermark.MAX_WATERMARK);
        harness.endInput();
        assertEquals(List.of("1/2 08:05:00"), reports(harness), "once, however the input ends");
        harness.close();
    }

    @Test
    void anInputThatEndsWithoutAFinalWatermarkStillEndsEventTime() throws Exception {
        // A Kinesis subtask without shards, drained: no final watermark comes from its source.
        var harness = harness(null);
        harness.endInput();
        assertEquals(List.of(new Watermark(Long.MAX_VALUE)), harness.getOutput().stream()
                .filter(o -> o instanceof Watermark).collect(Collectors.toList()));
        assertEquals(1, reports(harness).size());
        assertEquals(Long.MIN_VALUE, harness.getSideOutput(InputEndTracker.REPORTS).peek().getValue().maxEventTime);
        harness.close();
    }

    @Test
    void theLargestEventTimeSurvivesARestore() throws Exception {
        var first = harness(null);
        send(first, "08:05:00");
        OperatorSubtaskState snapshot = first.snapshot(1L, 1L);
        first.close();
        var second = harness(snapshot);
        send(second, "08:02:00");
        second.processWatermark(Watermark.MAX_WATERMARK);
        assertEquals(List.of("1/2 08:05:00"), reports(second));
        second.close();
    }
}
