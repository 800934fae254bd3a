package dev.agentanalytics.engine;

import static dev.agentanalytics.testing.Events.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentanalytics.config.JobConfig;
import dev.agentanalytics.config.JobConfig.EngineSettings;
import dev.agentanalytics.output.AgentStatusRow;
import dev.agentanalytics.output.LateEventRow;
import dev.agentanalytics.testing.EngineHarness;
import dev.agentanalytics.testing.Events;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.junit.jupiter.api.Test;

/**
 * De-duplication by {@code EventId} (docs/analytics.md §3.7) costs memory and time bounded by the de-duplication
 * window, in every mode and however long the agent's history: ids are forgotten a window behind event time, those
 * of late events too.
 */
class DeduplicationTest {
    private static final EngineSettings SETTINGS = EngineSettings.defaults(); // dedup-window 10m
    private static final long MINUTE = 60_000;
    private static final long DAYS = 20;

    /** An agent's 20 days: a heart beat every 2 minutes, every 10th sent twice (same id, same time). */
    private static List<Events> twentyDays() {
        List<Events> events = new ArrayList<>();
        events.add(Events.login("00:00:00").available().id("login").arrival(0));
        long ordinal = 1;
        for (long minute = 2; minute < DAYS * 24 * 60; minute += 2) {
            String id = "hb-" + minute;
            events.add(heartBeatAt(minute * MINUTE, id, ordinal++));
            if (minute % 20 == 0) events.add(heartBeatAt(minute * MINUTE, id, ordinal++));
        }
        return events;
    }

    private static Events heartBeatAt(long sinceDayStart, String id, long ordinal) {
        Events event = Events.heartBeat("00:00:00").available().id(id).arrival(ordinal);
        event.build().eventTime = at("00:00:00") + sinceDayStart;
        return event;
    }

    private static long lastEventTime(List<Events> events) {
        return events.get(events.size() - 1).build().eventTime;
    }

    @Test
    void aLiveAgentRemembersOnlyTheIdsOfTheWindowAfterTwentyDays() throws Exception {
        List<Events> events = twentyDays();
        try (EngineHarness engine = EngineHarness.live(SETTINGS)) {
            for (Events event : events) {
                engine.send(event);
                engine.watermark(event.build().eventTime - 1);
            }
            AgentState state = engine.state(Events.AGENT);
            assertNotNull(state);
            // Heart beats every 2 minutes: at most 5 of a 10-minute window, plus the one waiting.
            assertTrue(state.recentEventIds.size() <= 6, "remembered ids: " + state.recentEventIds.size());
            assertEquals(1, state.waiting.length, "the one event waiting");
            assertEquals(1, engine.keyedStateEntries(), "the agent's state, which holds it");
            assertEquals(1, engine.timers(), "one timer per agent");
            engine.harness.processBroadcastElement(
                    new dev.agentanalytics.endofinput.EndOfInputReport(0, 1, lastEventTime(events)), 0L);
            engine.watermark(Long.MAX_VALUE);
            assertEquals(lastEventTime(events) - at("00:00:00"), totalStatusTime(engine));
            assertEquals(0, engine.keyedStateEntries());
        }
    }

    @Test
    void aReplayedAgentRemembersOnlyTheIdsOfTheWindowAfterTwentyDays() throws Exception {
        List<Events> events = twentyDays();
        try (EngineHarness engine = EngineHarness.batch(SETTINGS)) {
            engine.harness.processBroadcastElement(
                    new dev.agentanalytics.endofinput.EndOfInputReport(0, 1, lastEventTime(events)), 0L);
            for (Events event : events) engine.send(event); // sorted by timestamp, as BATCH mode hands them over
            AgentState state = engine.state(Events.AGENT);
            assertNotNull(state);
            assertTrue(state.recentEventIds.size() <= 6, "remembered ids: " + state.recentEventIds.size());
            assertEquals(1, state.waiting.length, "the event of the last instant, waiting");
            assertEquals(1, engine.keyedStateEntries(), "the agent's state, which holds it");
            assertEquals(1, engine.timers(), "one timer per agent, for the end of its input");
            engine.watermark(Long.MAX_VALUE);
            assertEquals(lastEventTime(events) - at("00:00:00"), totalStatusTime(engine));
            assertEquals(0, engine.keyedStateEntries());
        }
    }

    private static long totalStatusTime(EngineHarness engine) {
        return engine.side(AgentEngineFunction.AGENT_STATUS).stream().mapToLong(r -> r.durationMs).sum();
    }

    @Test
    void aLateEventsIdIsRememberedForTheWindowOnlyAndLeavesNoState() throws Exception {
        try (EngineHarness engine = EngineHarness.live(SETTINGS)) {
            engine.watermark(at("09:00:00"));
            // No session, nothing else: a late event within the window is remembered until 08:55 + 10m...
            engine.send(Events.heartBeat("08:55:00").available().id("late"));
            engine.send(Events.heartBeat("08:55:00").available().id("late")); // a copy: a duplicate, not late
            assertEquals(1, engine.side(AgentEngineFunction.LATE_EVENTS).size());
            assertEquals(1, engine.keyedStateEntries());
            engine.watermark(at("09:04:59.999"));
            assertEquals(1, engine.keyedStateEntries());
            engine.watermark(at("09:05:00"));
            assertEquals(0, engine.keyedStateEntries(), "forgotten a window after its event time");
            assertEquals(0, engine.timers());
            // ... and one older than the window is not remembered at all.
            engine.send(Events.heartBeat("08:50:00").available().id("older"));
            assertEquals(0, engine.keyedStateEntries());
            assertEquals(0, engine.timers());
            List<String> late = new ArrayList<>();
            for (LateEventRow row : engine.side(AgentEngineFunction.LATE_EVENTS)) late.add(row.eventId);
            assertEquals(List.of("late", "older"), late);
        }
    }

    @Test
    void aShorterWindowAfterARestoreForgetsIdsSooner() throws Exception {
        OperatorSubtaskState snapshot;
        try (EngineHarness engine = EngineHarness.live(SETTINGS)) {
            engine.send(Events.login("08:00:00").available().id("login"));
            engine.send(Events.stateChange("08:05:00").status("Break", "CUSTOM").id("break"));
            engine.watermark(at("08:09:00"));
            snapshot = engine.snapshot();
        }
        EngineSettings shorter = JobConfig.fromMap(Map.of("dedup-window", "2m")).engine;
        try (EngineHarness engine = EngineHarness.restored(shorter, snapshot)) {
            engine.watermark(at("08:09:00"));
            // 08:05 is more than 2 minutes behind the watermark: its id is forgotten, the copy is late.
            engine.send(Events.stateChange("08:05:00").status("Break", "CUSTOM").id("break"));
            engine.watermark(at("08:14:59.999"));
            assertEquals(List.of("break"), engine.side(AgentEngineFunction.LATE_EVENTS).stream()
                    .map(row -> row.eventId).collect(java.util.stream.Collectors.toList()));
            List<String> status = new ArrayList<>();
            for (AgentStatusRow row : engine.side(AgentEngineFunction.AGENT_STATUS)) {
                status.add(row.statusName + " " + row.durationMs);
            }
            status.sort(null);
            assertEquals(List.of("Available 300000", "Break 600000"), status);
        }
    }
}
