package dev.agentanalytics.engine;

import static dev.agentanalytics.testing.Events.at;
import static dev.agentanalytics.testing.Events.iso;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentanalytics.config.JobConfig;
import dev.agentanalytics.config.JobConfig.EngineSettings;
import dev.agentanalytics.endofinput.EndOfInput;
import dev.agentanalytics.endofinput.EndOfInputReport;
import dev.agentanalytics.event.AgentEvent;
import dev.agentanalytics.event.EncodedEvent;
import dev.agentanalytics.output.AgentStatusRow;
import dev.agentanalytics.output.AlertRow;
import dev.agentanalytics.output.LateEventRow;
import dev.agentanalytics.queue.QueueShare;
import dev.agentanalytics.topology.PartitionKeys;
import dev.agentanalytics.testing.Events;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.state.heap.HeapKeyedStateBackend;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.co.CoBroadcastWithKeyedOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;
import org.apache.flink.util.OutputTag;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The engine as a Flink operator: ordering, duplicates, lateness, timers, state clean-up, snapshots. */
class AgentEngineFunctionTest {
    private static final EngineSettings SETTINGS = EngineSettings.defaults();

    private KeyedBroadcastOperatorTestHarness<String, EncodedEvent, EndOfInputReport, QueueShare> harness;

    @BeforeEach
    void start() throws Exception {
        harness = newHarness();
        harness.open();
    }

    @AfterEach
    void stop() throws Exception {
        harness.close();
    }

    private static KeyedBroadcastOperatorTestHarness<String, EncodedEvent, EndOfInputReport, QueueShare> newHarness()
            throws Exception {
        return new KeyedBroadcastOperatorTestHarness<>(
                new CoBroadcastWithKeyedOperator<>(new AgentEngineFunction(SETTINGS, false),
                        List.of(EndOfInput.REPORTS)),
                PartitionKeys.AGENTS, Types.STRING, 1, 1, 0);
    }

    private void send(Events event) throws Exception {
        send(event.build());
    }

    private void send(AgentEvent event) throws Exception {
        harness.processElement(EncodedEvent.of(event.agentArn, event), event.eventTime);
    }

    /** The watermark reaching the last millisecond before {@code time}. */
    private void watermarkBefore(String time) throws Exception {
        harness.watermark(at(time) - 1);
    }

    private <T> List<T> side(OutputTag<T> tag) {
        return harness.getSideOutput(tag) == null ? List.of()
                : harness.getSideOutput(tag).stream().map(StreamRecord::getValue).collect(Collectors.toList());
    }

    private List<String> statusRows() {
        return side(AgentEngineFunction.AGENT_STATUS).stream()
                .map(r -> r.windowStart.substring(11, 16) + " " + r.statusName + " " + r.durationMs)
                .sorted().collect(Collectors.toList());
    }

    @SuppressWarnings("unchecked")
    private int keyedStateEntries() {
        AbstractStreamOperator<?> operator = (AbstractStreamOperator<?>) harness.getOperator();
        return ((HeapKeyedStateBackend<?>) (Object) operator.getKeyedStateBackend()).numKeyValueStateEntries();
    }

    @Test
    void eventsAreAppliedInEventTimeOrderWhateverOrderTheyArriveIn() throws Exception {
        send(Events.stateChange("08:05:00").status("Break", "CUSTOM"));
        send(Events.login("08:00:00").available());
        watermarkBefore("08:15:00");
        assertEquals(List.of("08:00 Available 300000", "08:00 Break 600000"), statusRows());
    }

    @Test
    void eventsWaitForTheWatermarkBeforeTheyCount() throws Exception {
        send(Events.login("08:00:00").available());
        send(Events.stateChange("08:10:00").status("Break", "CUSTOM"));
        watermarkBefore("08:10:00"); // the break is not yet behind the watermark
        watermarkBefore("08:15:00");
        assertEquals(List.of("08:00 Available 600000", "08:00 Break 300000"), statusRows());
    }

    @Test
    void aDuplicateEventIdIsDroppedEvenWhenItWouldBeLate() throws Exception {
        send(Events.login("08:00:00").available().id("login-1"));
        send(Events.stateChange("08:05:00").status("Break", "CUSTOM").id("break-1"));
        send(Events.stateChange("08:05:00").status("Break", "CUSTOM").id("break-1"));
        watermarkBefore("08:12:00");
        send(Events.stateChange("08:05:00").status("Lunch", "CUSTOM").id("break-1")); // behind the watermark
        watermarkBefore("08:15:00");
        assertEquals(List.of("08:00 Available 300000", "08:00 Break 600000"), statusRows());
        assertEquals(List.of(), side(AgentEngineFunction.LATE_EVENTS), "a duplicate is not late");
    }

    @Test
    void aLateEventGoesToLateEventsWithItsPayloadAndChangesNothing() throws Exception {
        send(Events.login("08:00:00").available());
        watermarkBefore("08:10:00");
        AgentEvent late = Events.stateChange("08:05:00").status("Break", "CUSTOM").id("late-1").build();
        late.raw = "{\"EventId\":\"late-1\"}".getBytes(StandardCharsets.UTF_8);
        send(late);
        watermarkBefore("08:15:00");

        assertEquals(List.of("08:00 Available 900000"), statusRows());
        List<LateEventRow> lateRows = side(AgentEngineFunction.LATE_EVENTS);
        assertEquals(1, lateRows.size());
        LateEventRow row = lateRows.get(0);
        assertEquals("late-1", row.eventId);
        assertEquals(iso("08:05:00"), row.eventTimestamp);
        assertEquals(iso("08:09:59.999"), row.watermark);
        assertEquals(299_999, row.lateByMs);
        assertEquals("{\"EventId\":\"late-1\"}", row.payload);
    }

    @Test
    void theLoggedOutMarkLastsWhileHeartBeatsFollowTheLogoutThenLeavesNoStateAndNoTimer() throws Exception {
        send(Events.login("08:00:00").available());
        send(Events.logout("08:10:00"));
        send(Events.heartBeat("08:12:00").available()); // heart beats follow a logout: they reopen nothing
        watermarkBefore("08:15:00");
        assertEquals(List.of("08:00 Available 600000"), statusRows());

        watermarkBefore("09:12:00");
        assertEquals(1, keyedStateEntries(), "the mark, until the agent is silent for longer than the timeout");
        assertEquals(1, harness.numEventTimeTimers(), "the mark's expiry");
        harness.watermark(at("09:12:00"));
        assertEquals(0, keyedStateEntries(), "silent for longer than session-timeout: the mark is forgotten");
        assertEquals(0, harness.numEventTimeTimers());

        send(Events.heartBeat("09:30:00").available());
        watermarkBefore("09:45:00");
        assertEquals(List.of("08:00 Available 600000", "09:30 Available 900000"), statusRows(),
                "a heart beat after the silence is a shift the job joins mid-way");
    }

    @Test
    void aTimedOutSessionLeavesNoStateAndNoTimer() throws Exception {
        send(Events.login("08:00:00").available());
        watermarkBefore("12:00:00");
        // 08:00-09:00 open (timeout at last event + 60 min), one stale alert at 08:05.
        assertEquals(List.of("08:00 Available 900000", "08:15 Available 900000", "08:30 Available 900000",
                "08:45 Available 900000"), statusRows());
        List<AlertRow> alerts = side(AgentEngineFunction.ALERTS);
        assertEquals(1, alerts.size());
        assertEquals("AGENT_STALE", alerts.get(0).alertType);
        assertEquals(0, keyedStateEntries());
        assertEquals(0, harness.numEventTimeTimers());
    }

    @Test
    void perAgentStateDoesNotGrowWithHistory() throws Exception {
        send(Events.login("00:00:00").available());
        for (int minute = 2; minute < 24 * 60; minute += 2) {
            send(Events.heartBeat(String.format("%02d:%02d:00", minute / 60, minute % 60)).available());
            harness.watermark(at(String.format("%02d:%02d:00", minute / 60, minute % 60)) - 1);
        }
        AgentState state = (AgentState) ((AbstractStreamOperator<?>) harness.getOperator())
                .getKeyedStateBackend().getPartitionedState(
                        org.apache.flink.runtime.state.VoidNamespace.INSTANCE,
                        org.apache.flink.runtime.state.VoidNamespaceSerializer.INSTANCE,
                        AgentEngineFunction.AGENT_STATE).value();
        assertNotNull(state);
        assertTrue(state.recentEventIds.ids.length <= 6, "ids within the 10-minute de-duplication window only");
        assertTrue(state.tally.statuses.length == 1 && state.tally.activities.length == 1);
        assertEquals(1, state.waiting.length, "one heart beat waiting, in the agent's state");
        assertEquals(1, keyedStateEntries(), "the agent's state, nothing else");
        assertEquals(1, harness.numEventTimeTimers(), "one timer per agent");
    }

    @Test
    void theEndOfABoundedInputStopsTimeAtItsLastEvent() throws Exception {
        send(Events.login("08:00:00").available());
        send(Events.heartBeat("08:04:00").available());
        send(Events.heartBeat("08:08:00").available());
        send(Events.heartBeat("08:12:00").available());
        send(Events.heartBeat("08:16:00").available());
        send(Events.stateChange("08:20:00").status("Break", "CUSTOM"));
        harness.processBroadcastElement(new EndOfInputReport(0, 1, at("08:20:30")), at("08:20:30"));
        harness.watermark(Long.MAX_VALUE);
        // Time stops at 08:20:30: no stale alert (08:25 is after the end), the 08:15 window is emitted.
        assertEquals(List.of("08:00 Available 900000", "08:15 Available 300000", "08:15 Break 30000"),
                statusRows());
        assertEquals(List.of(), side(AgentEngineFunction.ALERTS));
        assertEquals(0, keyedStateEntries());
    }

    @Test
    void whenTheEndOfTimeComesBeforeEverySourceReportedTheAgentsWaitForTheLastReport() throws Exception {
        send(Events.login("08:00:00").available());
        send(Events.heartBeat("08:04:00").available());
        harness.processBroadcastElement(new EndOfInputReport(1, 2, at("08:04:00")), at("08:04:00"));
        harness.watermark(Long.MAX_VALUE); // a drained live job whose other source subtask was idle
        assertEquals(List.of(), statusRows(), "the end is not known while a source has not reported");
        harness.processBroadcastElement(new EndOfInputReport(0, 2, at("08:16:00")), at("08:16:00"));
        // Time stops at 08:16:00, the largest report: stale at 08:09, the 08:15 window emitted.
        assertEquals(List.of("08:00 Available 900000", "08:15 Available 60000"), statusRows());
        assertEquals(List.of("AGENT_STALE"), side(AgentEngineFunction.ALERTS).stream().map(a -> a.alertType)
                .collect(Collectors.toList()));
    }

    @Test
    void aSnapshotTakenMidSessionRestoresToTheSameRows() throws Exception {
        send(Events.login("08:00:00").available());
        send(Events.stateChange("08:07:00").status("Break", "CUSTOM"));
        watermarkBefore("08:05:00");
        OperatorSubtaskState snapshot = harness.snapshot(1L, 1L);
        harness.close();

        harness = newHarness();
        harness.initializeState(snapshot);
        harness.open();
        send(Events.stateChange("08:12:00").available());
        watermarkBefore("08:15:00");
        // Available 08:00-08:07 and 08:12-08:15, Break 08:07-08:12.
        assertEquals(List.of("08:00 Available 600000", "08:00 Break 300000"), statusRows());
    }

    @Test
    void queueSharesLeaveTheEngineOncePerAgentAndWindow() throws Exception {
        send(Events.login("08:00:00").available().queue(Events.BILLING).queue(Events.SUPPORT));
        send(Events.stateChange("08:05:00").status("Break", "CUSTOM").queue(Events.BILLING).queue(Events.SUPPORT));
        watermarkBefore("08:15:00");
        Map<String, QueueShare> shares = harness.extractOutputValues().stream()
                .collect(Collectors.toMap(s -> s.queueName, s -> s));
        assertEquals(2, shares.size());
        QueueShare billing = shares.get("Billing");
        assertEquals(at("08:00:00"), billing.windowStart);
        assertEquals(300_000, billing.availableMs);
        assertEquals(600_000, billing.nonProductiveMs);
        assertEquals(900_000, billing.staffedMs());
    }

    @Test
    void statusRowsCarryTheirWindowAndAgent() throws Exception {
        send(Events.login("08:00:00").available());
        watermarkBefore("08:15:00");
        AgentStatusRow row = side(AgentEngineFunction.AGENT_STATUS).get(0);
        assertEquals(iso("08:00:00"), row.windowStart);
        assertEquals(iso("08:15:00"), row.windowEnd);
        assertEquals(Events.AGENT, row.agentArn);
        assertEquals("alex", row.username);
        assertEquals("ROUTABLE", row.statusType);
    }

    static EngineSettings settings(Map<String, String> values) {
        return JobConfig.fromMap(values).engine;
    }
}
