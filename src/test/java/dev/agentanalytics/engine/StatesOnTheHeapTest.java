package dev.agentanalytics.engine;

import static dev.agentanalytics.testing.Events.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentanalytics.config.JobConfig.EngineSettings;
import dev.agentanalytics.endofinput.EndOfInputReport;
import dev.agentanalytics.testing.EngineHarness;
import dev.agentanalytics.testing.Events;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * On RocksDB a live engine keeps its agents' states on the heap between snapshots ({@link AgentStates}): the rows are
 * those of the heap backend whatever the number of states kept (one: every other agent's state is written back and
 * read again), every change is in a snapshot, and the end of input finishes agents whose states never reached
 * RocksDB.
 */
class StatesOnTheHeapTest {
    private static final EngineSettings SETTINGS = EngineSettings.defaults();
    private static final String AGENT_3 = "arn:aws:connect:us-east-1:111122223333:instance/i-1/agent/a-3";
    private static final List<String> AGENTS = List.of(Events.AGENT, Events.AGENT_2, AGENT_3);

    /** Three agents' shifts, 08:00 to 08:40, their events interleaved; the watermark a minute behind. */
    private static void shifts(EngineHarness engine, int from, int to) throws Exception {
        for (int minute = from; minute < to; minute++) {
            String t = String.format("08:%02d:00", minute);
            for (int a = 0; a < AGENTS.size(); a++) {
                String agent = AGENTS.get(a);
                String id = "e-" + a + "-" + minute;
                long arrival = minute * 10L + a;
                if (minute == 0) {
                    engine.send(Events.login(t).available().queue(Events.BILLING).agent(agent).id(id).arrival(arrival));
                } else if ((minute + a) % 5 == 1) {
                    engine.send(Events.stateChange(t).available().queue(Events.BILLING).agent(agent)
                            .contact("c-" + a + "-" + minute, "CONNECTED", t).id(id).arrival(arrival));
                } else if ((minute + a) % 5 == 3) {
                    engine.send(Events.stateChange(t).status("Break", "CUSTOM").queue(Events.BILLING).agent(agent)
                            .id(id).arrival(arrival));
                } else if (minute % 7 != 0) { // some minutes silent: deadlines pass, alerts open
                    engine.send(Events.heartBeat(t).available().queue(Events.BILLING).agent(agent).id(id)
                            .arrival(arrival));
                }
            }
            if (minute > 0) engine.watermark(at(t) - 60_000);
        }
    }

    private static void end(EngineHarness engine, boolean reportLast) throws Exception {
        if (reportLast) { // a live job drained with idle sources: the final watermark, then the last report
            engine.watermark(Long.MAX_VALUE);
            engine.harness.processBroadcastElement(new EndOfInputReport(0, 1, at("08:40:00")), at("08:40:00"));
        } else {
            engine.endOfInputAt("08:40:00");
        }
    }

    private static List<String> onTheHeapBackend(boolean reportLast) throws Exception {
        try (EngineHarness engine = EngineHarness.live(SETTINGS)) {
            shifts(engine, 0, 41);
            end(engine, reportLast);
            return rows(engine);
        }
    }

    @ParameterizedTest(name = "states kept: {0}, the last report after the final watermark: {1}")
    @CsvSource({"1, false", "1, true", "2, false", "10000, false", "10000, true"})
    void theRowsAreTheHeapBackendsWhateverTheStatesKept(int kept, boolean reportLast) throws Exception {
        try (EngineHarness engine = EngineHarness.live(SETTINGS, EngineHarness.rocksDb(), kept)) {
            shifts(engine, 0, 41);
            end(engine, reportLast);
            assertEquals(onTheHeapBackend(reportLast), rows(engine));
            assertEquals(0, engine.keyedStateEntries(), "nothing left behind");
            assertEquals(0, engine.timers());
        }
    }

    /**
     * One kept: every agent's state has been written back when another's came in, so a snapshot finds all three in
     * RocksDB already (the last one's in an older version: its latest is on the heap).
     */
    @ParameterizedTest(name = "states kept: {0}")
    @CsvSource({"1", "10000"})
    void theStatesReachRocksDbWithTheSnapshotAndRestoreFromIt(int kept) throws Exception {
        OperatorSubtaskState snapshot;
        List<String> rows = new ArrayList<>();
        try (EngineHarness engine = EngineHarness.live(SETTINGS, EngineHarness.rocksDb(), kept)) {
            shifts(engine, 0, 20);
            assertEquals(kept == 1 ? 3 : 0, engine.storedEntries(), "the states in RocksDB before the snapshot");
            snapshot = engine.snapshot();
            assertEquals(3, engine.storedEntries(), "written back for the snapshot");
            rows.addAll(rows(engine));
        }
        try (EngineHarness restored = EngineHarness.restored(SETTINGS, snapshot, EngineHarness.rocksDb())) {
            shifts(restored, 20, 41);
            end(restored, false);
            rows.addAll(rows(restored));
        }
        rows.sort(null);
        assertEquals(onTheHeapBackend(false), rows, "the rows before the snapshot and after it: each once");
    }

    /**
     * A watermark held back: an agent's state that grows beyond {@link AgentStates#KEPT_ENTRIES} waiting entries and
     * ids is written through to RocksDB, not kept, so that the heap does not hold such states by the thousand.
     */
    @Test
    void aStateGrownLargeIsWrittenThroughNotKept() throws Exception {
        try (EngineHarness engine = EngineHarness.live(SETTINGS, EngineHarness.rocksDb(), null)) {
            engine.watermark(at("07:59:00"));
            engine.send(Events.login("08:00:00").available().queue(Events.BILLING).id("login").arrival(0));
            // Each heart beat an instant of its own and an id: 2 entries each, the login's 2 as well.
            int kept = AgentStates.KEPT_ENTRIES / 2 - 1;
            for (int second = 1; second <= kept; second++) {
                engine.send(Events.heartBeat(String.format("08:%02d:%02d", second / 60, second % 60)).available()
                        .queue(Events.BILLING).id("hb-" + second).arrival(second));
            }
            assertEquals(1, engine.storedEntries(), "the map state (instants beyond the eighth); the state kept");
            engine.send(Events.heartBeat("08:05:00").available().queue(Events.BILLING).id("one-more").arrival(999));
            assertEquals(2, engine.storedEntries(), "beyond the bound: the agent's state written through");
        }
    }

    /** Every row the engine wrote, as JSON, sorted. */
    private static List<String> rows(EngineHarness engine) throws Exception {
        List<String> rows = engine.allRowsAsJson();
        assertTrue(rows.size() > 10, "rows to compare");
        return rows;
    }
}
