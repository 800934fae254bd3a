package dev.agentanalytics.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.agentanalytics.config.JobConfig.EngineSettings;
import dev.agentanalytics.testing.EngineHarness;
import dev.agentanalytics.testing.Events;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Events of one agent with the same {@code EventTimestamp} are applied in arrival order (docs/analytics.md §3.7),
 * whatever order Flink delivers them in: live (they wait for the watermark together) and in BATCH mode (Flink sorts
 * by timestamp only, so ties come in any order). Each pair below is delivered the wrong way round.
 */
class TieOrderTest {
    private static final EngineSettings SETTINGS = EngineSettings.defaults();

    /** Delivers the agent's events in {@code delivered} order (live) or time order with ties reversed (BATCH). */
    private static EngineHarness run(boolean batch, String end, Events... delivered) throws Exception {
        EngineHarness engine = batch ? EngineHarness.batch(SETTINGS) : EngineHarness.live(SETTINGS);
        if (batch) engine.reportFirst(end);
        List<Events> order = new ArrayList<>(List.of(delivered));
        if (batch) {
            // As Flink's sort may hand them over: by timestamp, the later arrival of a tie first.
            order.sort((a, b) -> Long.compare(a.build().eventTime, b.build().eventTime));
        }
        engine.send(order.toArray(new Events[0]));
        if (!batch) engine.watermark(Events.at(end) - 1);
        engine.endOfInputAt(end);
        return engine;
    }

    @ParameterizedTest(name = "batch={0}")
    @ValueSource(booleans = {false, true})
    void aStatusChangeAndAnotherInTheSameMillisecondCountTheLastOne(boolean batch) throws Exception {
        try (EngineHarness engine = run(batch, "08:15:00",
                Events.login("08:00:00").available().arrival(1),
                Events.stateChange("08:05:00").status("Break", "CUSTOM").arrival(3),
                Events.stateChange("08:05:00").available().arrival(2),
                Events.heartBeat("08:10:00").status("Break", "CUSTOM").arrival(4),
                Events.heartBeat("08:15:00").status("Break", "CUSTOM").arrival(5))) {
            // Available, then Break at 08:05: two minutes of Break must not count as Available.
            assertEquals(List.of("08:00 Available 300000", "08:00 Break 600000"), engine.statusRows());
            assertEquals(List.of("08:00 AVAILABLE/- 300000", "08:00 NON_PRODUCTIVE/Break 600000"),
                    engine.activityRows());
        }
    }

    @ParameterizedTest(name = "batch={0}")
    @ValueSource(booleans = {false, true})
    void twoContactStatesInTheSameMillisecondEndInTheLastOne(boolean batch) throws Exception {
        try (EngineHarness engine = run(batch, "08:15:00",
                Events.login("08:00:00").available().arrival(1),
                Events.stateChange("08:05:00").available().contact("c1", "ENDED", "08:05:00").arrival(3),
                Events.stateChange("08:05:00").available().contact("c1", "CONNECTED", "08:05:00").arrival(2),
                Events.stateChange("08:08:00").available().arrival(4),
                Events.heartBeat("08:15:00").available().arrival(5))) {
            // Connected and ended in the same millisecond: no talk, three minutes of after-contact work.
            assertEquals(List.of("c1 HANDLED connected=08:05 ended=08:05 completed=08:08 talk=0 acw=180000"),
                    engine.contactRows());
            assertEquals(List.of("08:00 AFTER_CONTACT_WORK/- 180000", "08:00 AVAILABLE/- 720000"),
                    engine.activityRows());
        }
    }

    @ParameterizedTest(name = "batch={0}")
    @ValueSource(booleans = {false, true})
    void aLogoutAndALoginInTheSameMillisecondLeaveTheSessionOpen(boolean batch) throws Exception {
        try (EngineHarness engine = run(batch, "08:15:00",
                Events.login("08:00:00").available().arrival(1),
                Events.login("08:05:00").available().arrival(3),
                Events.logout("08:05:00").arrival(2),
                Events.heartBeat("08:10:00").available().arrival(4),
                Events.heartBeat("08:15:00").available().arrival(5))) {
            assertEquals(List.of("08:00 Available 900000"), engine.statusRows());
        }
    }

    @ParameterizedTest(name = "batch={0}")
    @ValueSource(booleans = {false, true})
    void aLoginAndALogoutInTheSameMillisecondLeaveItClosed(boolean batch) throws Exception {
        try (EngineHarness engine = run(batch, "08:15:00",
                Events.login("08:00:00").available().arrival(1),
                Events.logout("08:05:00").arrival(3),
                Events.login("08:05:00").available().arrival(2),
                Events.heartBeat("08:10:00").available().arrival(4),
                Events.heartBeat("08:15:00").available().arrival(5))) {
            assertEquals(List.of("08:00 Available 300000"), engine.statusRows(),
                    "heart beats after the logout reopen nothing");
        }
    }

    @ParameterizedTest(name = "batch={0}")
    @ValueSource(booleans = {false, true})
    void ofTwoCopiesOfAnEventTheFirstInInputOrderIsKept(boolean batch) throws Exception {
        // Break (arrival 2) and Available (arrival 3) at 08:05; a copy of Break arrives last (arrival 4) but is
        // delivered first. Keeping the copy would put Break after Available.
        List<Events> delivered = new ArrayList<>(List.of(
                Events.login("08:00:00").available().arrival(1),
                Events.stateChange("08:05:00").status("Break", "CUSTOM").id("break").arrival(4),
                Events.stateChange("08:05:00").available().id("available").arrival(3),
                Events.stateChange("08:05:00").status("Break", "CUSTOM").id("break").arrival(2),
                Events.heartBeat("08:15:00").available().arrival(5)));
        if (batch) Collections.swap(delivered, 1, 3); // any delivery order must give the same rows
        try (EngineHarness engine = run(batch, "08:15:00", delivered.toArray(new Events[0]))) {
            assertEquals(List.of("08:00 Available 900000"), engine.statusRows());
        }
    }
}
