package dev.agentanalytics.parse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.agentanalytics.config.JobConfig.RecordSettings;
import dev.agentanalytics.event.AgentEvent;
import dev.agentanalytics.output.DeadLetterRow;
import dev.agentanalytics.testing.Events;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

/**
 * The record router: valid events on, invalid records to the dead letters; an event keeps its raw payload only when
 * it can still turn out late at the engine (it is already behind this subtask's watermark).
 */
class RecordRouterTest {
    private static final byte[] RAW = "{\"EventId\":\"e\"}".getBytes(StandardCharsets.UTF_8);

    private static ParsedRecord valid(String time) {
        AgentEvent event = Events.heartBeat(time).available().build();
        event.raw = RAW.clone();
        return ParsedRecord.valid(event);
    }

    @Test
    void anEventAheadOfTheWatermarkLeavesItsPayloadBehind() throws Exception {
        OneInputStreamOperatorTestHarness<ParsedRecord, AgentEvent> harness =
                ProcessFunctionTestHarnesses.forProcessFunction(new RecordRouter());
        harness.processWatermark(Events.at("08:00:00"));
        harness.processElement(valid("08:00:01"), Events.at("08:00:01"));
        harness.processElement(valid("08:00:00"), Events.at("08:00:00")); // at the watermark: may be late
        harness.processElement(valid("07:59:00"), Events.at("07:59:00"));
        List<AgentEvent> out = harness.extractOutputValues();
        assertEquals(3, out.size());
        assertNull(out.get(0).raw, "never late downstream: the payload does not cross the network");
        assertArrayEquals(RAW, out.get(1).raw);
        assertArrayEquals(RAW, out.get(2).raw);
        harness.close();
    }

    @Test
    void anInvalidRecordGoesToTheDeadLettersWithItsReason() throws Exception {
        OneInputStreamOperatorTestHarness<ParsedRecord, AgentEvent> harness =
                ProcessFunctionTestHarnesses.forProcessFunction(new RecordRouter());
        ParsedRecord invalid = new AgentEventParser(RecordSettings.defaults()).parse("[1]".getBytes(StandardCharsets.UTF_8), 0L, null);
        harness.processElement(invalid, 0L);
        harness.processElement(valid("08:00:00"), Events.at("08:00:00"));
        assertEquals(1, harness.extractOutputValues().size());
        List<DeadLetterRow> dead = harness.getSideOutput(RecordRouter.DEAD_LETTERS).stream()
                .map(StreamRecord::getValue).collect(java.util.stream.Collectors.toList());
        assertEquals(1, dead.size());
        assertEquals("not a JSON object: array", dead.get(0).reason);
        assertEquals("[1]", dead.get(0).payload);
        harness.close();
    }
}
