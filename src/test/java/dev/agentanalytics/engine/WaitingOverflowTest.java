package dev.agentanalytics.engine;

import static dev.agentanalytics.testing.Events.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentanalytics.config.JobConfig.EngineSettings;
import dev.agentanalytics.endofinput.EndOfInputReport;
import dev.agentanalytics.output.UtcTimes;
import dev.agentanalytics.testing.EngineHarness;
import dev.agentanalytics.testing.Events;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A watermark held back for long: once {@link AgentEngineFunction#INLINE_WAITING} events wait in an agent's state,
 * its further instants wait in the engine's map state, an entry of some ten bytes each in the agent's state. The rows
 * are those of the same events with the watermark keeping up, on both backends and across a snapshot taken while
 * the map state holds events; ties and duplicates keep their order (docs/analytics.md §3.7) on either side of the
 * bound.
 */
class WaitingOverflowTest {
    private static final EngineSettings SETTINGS = EngineSettings.defaults();

    /**
     * One agent's shift, 08:00 to 08:41, an event a minute: four-minute cycles of a contact connected, put on
     * hold, ended (after-contact work), then a Break. At 08:20 three events share the millisecond (the last one
     * by arrival, a Break, is what counts).
     */
    private static List<Events> shift() {
        List<Events> events = new ArrayList<>();
        events.add(Events.login("08:00:00").available().queue(Events.BILLING).id("e-0").arrival(0));
        for (int minute = 1; minute <= 40; minute++) {
            String t = String.format("08:%02d:00", minute);
            String contact = "c" + (minute / 4);
            Events event;
            switch (minute % 4) {
                case 1:
                    event = Events.stateChange(t).available().queue(Events.BILLING).contact(contact, "CONNECTED", t);
                    break;
                case 2:
                    event = Events.heartBeat(t).available().queue(Events.BILLING)
                            .contact(contact, "CONNECTED_ONHOLD", t);
                    break;
                case 3:
                    event = Events.stateChange(t).available().queue(Events.BILLING).contact(contact, "ENDED", t);
                    break;
                default:
                    event = Events.stateChange(t).status("Break", "CUSTOM").queue(Events.BILLING);
            }
            events.add(event.id("e-" + minute).arrival(minute * 10L));
        }
        events.add(Events.stateChange("08:20:00").available().queue(Events.BILLING).id("e-20a").arrival(201));
        events.add(Events.stateChange("08:20:00").status("Break", "CUSTOM").queue(Events.BILLING).id("e-20b")
                .arrival(202));
        events.add(Events.heartBeat("08:41:00").status("Break", "CUSTOM").queue(Events.BILLING).id("e-41")
                .arrival(410));
        return events;
    }

    /**
     * Copies of three of the shift's events (same ids, later arrivals), each saying something else (a Lunch), one
     * of them at another time: duplicates, whichever Flink delivers first (§3.7). Were a copy kept instead of its
     * original, the rows would show the Lunch.
     */
    private static List<Events> copies() {
        return List.of(
                Events.stateChange("08:05:00").status("Lunch", "CUSTOM").queue(Events.BILLING).id("e-5").arrival(905),
                Events.stateChange("08:13:00").status("Lunch", "CUSTOM").queue(Events.BILLING).id("e-13")
                        .arrival(913),
                Events.stateChange("08:20:30").status("Lunch", "CUSTOM").queue(Events.BILLING).id("e-20")
                        .arrival(920));
    }

    /**
     * The reference: the shift and the copies in input order (each copy after its original), each instant's events
     * followed by the watermark at that instant (but the last: the input ends there).
     */
    private static List<String> rowsWithTheWatermarkKeepingUp() throws Exception {
        List<Events> events = new ArrayList<>(shift());
        events.addAll(copies());
        events.sort((a, b) -> a.build().compareOrder(b.build()));
        try (EngineHarness engine = EngineHarness.live(SETTINGS)) {
            for (int i = 0; i < events.size(); i++) {
                engine.send(events.get(i));
                long time = events.get(i).build().eventTime;
                if (i + 1 < events.size() && events.get(i + 1).build().eventTime > time) engine.watermark(time);
            }
            engine.endOfInputAt("08:41:00");
            return rows(engine);
        }
    }

    /**
     * The shift and the copies with the watermark held back until all of them are in, the copies before their
     * originals: the 08:05 copy first (kept in the agent's state), then seven events of other instants (the state
     * is full), then the 08:13 and 08:20:30 copies (each the only event of an instant in the map state), then the
     * rest in no order, the originals among them. Then the watermark moves in steps and the input ends: with the
     * last report before the final watermark, or after it (a live job drained with idle sources).
     */
    @ParameterizedTest(name = "{0}, restored midway: {1}, the last report after the final watermark: {2}")
    @CsvSource({"heap, false, false", "heap, true, false", "heap, false, true", "rocksdb, false, false",
        "rocksdb, true, true"})
    void aBacklogBeyondTheBoundGivesTheRowsOfAWatermarkThatKeptUp(String backend, boolean restoreMidway,
                                                                   boolean reportLast) throws Exception {
        boolean heap = backend.equals("heap");
        List<Events> rest = new ArrayList<>(shift());
        Collections.shuffle(rest, new Random(7));
        List<Events> delivered = new ArrayList<>();
        delivered.add(copies().get(0));
        for (int i = 0; delivered.size() < 8; i++) {
            String time = UtcTimes.iso(rest.get(i).build().eventTime);
            if (!time.contains("T08:05") && !time.contains("T08:13") && !time.contains("T08:20")) {
                delivered.add(rest.remove(i--));
            }
        }
        delivered.addAll(copies().subList(1, 3));
        delivered.addAll(rest);

        EngineHarness engine = heap ? EngineHarness.live(SETTINGS)
                : EngineHarness.live(SETTINGS, EngineHarness.rocksDb(), null);
        try {
            engine.watermark(at("07:59:00")); // held back while the whole shift arrives
            for (int i = 0; i < delivered.size(); i++) {
                if (restoreMidway && i == delivered.size() / 2) {
                    OperatorSubtaskState snapshot = engine.snapshot();
                    engine.close();
                    engine = heap ? EngineHarness.restored(SETTINGS, snapshot)
                            : EngineHarness.restored(SETTINGS, snapshot, EngineHarness.rocksDb());
                }
                engine.send(delivered.get(i));
                AgentState state = engine.state(Events.AGENT);
                assertTrue(inline(state) <= AgentEngineFunction.INLINE_WAITING,
                        inline(state) + " events in the agent's state");
                if (i == 9) {
                    assertEquals(List.of("08:05:00 in the state", "08:13:00 in the map", "08:20:30 in the map"),
                            whereTheCopiesWait(state));
                }
            }
            // 44 events at 42 instants wait: an instant's events in the agent's state, or one entry for the
            // instant, whose events are in the map state.
            AgentState state = engine.state(Events.AGENT);
            assertEquals(42, state.waiting.length);
            int inMap = state.waiting.length - instants(state, false);
            assertTrue(inMap >= 42 - AgentEngineFunction.INLINE_WAITING, inMap + " instants in the map state");
            assertEquals(2, engine.keyedStateEntries(), "the agent's state and its map state");

            for (String step : List.of("08:09:59", "08:20:00", "08:30:30", "08:40:00")) engine.watermark(at(step));
            if (reportLast) {
                engine.watermark(Long.MAX_VALUE);
                engine.harness.processBroadcastElement(new EndOfInputReport(0, 1, at("08:41:00")), at("08:41:00"));
            } else {
                engine.endOfInputAt("08:41:00");
            }
            assertEquals(rowsWithTheWatermarkKeepingUp(), rows(engine));
            assertEquals(List.of(), engine.side(AgentEngineFunction.LATE_EVENTS));
            assertEquals(0, engine.keyedStateEntries(), "nothing left behind");
            assertEquals(0, engine.timers());
        } finally {
            engine.close();
        }
    }

    /** Where the instants of the copies' times wait, before their originals come. */
    private static List<String> whereTheCopiesWait(AgentState state) {
        List<String> found = new ArrayList<>();
        for (WaitingEvent event : state.waiting) {
            String time = UtcTimes.iso(event.eventTime).substring(11, 19);
            if (List.of("08:05:00", "08:13:00", "08:20:30").contains(time)) {
                found.add(time + (event.inOverflow() ? " in the map" : " in the state"));
            }
        }
        return found;
    }

    /**
     * Ten status changes in the same millisecond, more than the state holds, delivered in the reverse of their
     * arrival: the last one by arrival counts, live and in BATCH mode (where Flink's sort leaves ties in any order).
     */
    @ParameterizedTest(name = "batch={0}")
    @ValueSource(booleans = {false, true})
    void tiesBeyondTheBoundApplyInArrivalOrder(boolean batch) throws Exception {
        List<Events> events = new ArrayList<>();
        events.add(Events.login("08:00:00").available().arrival(1));
        for (int arrival = 11; arrival >= 2; arrival--) {
            Events change = arrival == 11 ? Events.stateChange("08:05:00").status("Break", "CUSTOM")
                    : Events.stateChange("08:05:00").status("Lunch " + arrival, "CUSTOM");
            events.add(change.arrival(arrival));
        }
        events.add(Events.heartBeat("08:10:00").status("Break", "CUSTOM").arrival(12));
        events.add(Events.heartBeat("08:15:00").status("Break", "CUSTOM").arrival(13));
        try (EngineHarness engine = batch ? EngineHarness.batch(SETTINGS) : EngineHarness.live(SETTINGS)) {
            if (batch) engine.reportFirst("08:15:00");
            engine.send(events.toArray(new Events[0]));
            if (!batch) engine.watermark(at("08:14:59"));
            engine.endOfInputAt("08:15:00");
            assertEquals(List.of("08:00 Available 300000", "08:00 Break 600000"), engine.statusRows());
            assertEquals(0, engine.keyedStateEntries());
        }
    }

    /** How many instants' events wait in the agent's state ({@code false}) or in the map state. */
    private static int instants(AgentState state, boolean inMap) {
        return (int) Arrays.stream(state.waiting).filter(event -> event.inOverflow() == inMap)
                .mapToLong(event -> event.eventTime).distinct().count();
    }

    private static int inline(AgentState state) {
        int n = 0;
        for (WaitingEvent event : state.waiting) {
            if (!event.inOverflow()) n++;
        }
        return n;
    }

    /** Every row the engine wrote, as JSON, sorted. */
    private static List<String> rows(EngineHarness engine) throws Exception {
        List<String> rows = engine.allRowsAsJson();
        assertTrue(rows.size() > 20, "rows to compare");
        return rows;
    }
}
