package dev.agentanalytics.engine.scenarios;

import static dev.agentanalytics.engine.scenarios.Scenario.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.agentanalytics.testing.Events;
import java.util.List;
import org.junit.jupiter.api.Test;

/** docs/analytics.md §3.3, §4.1 and §4.2: time in status and activity per window, cut at window boundaries. */
class TimeInStatusScenarioTest {

    @Test
    void statusSpanningSeveralWindowsIsCutAtEachBoundary() {
        // 08:05 LOGIN Available (ROUTABLE), 08:50 Lunch (CUSTOM), 09:10 LOGOUT; time moves to 09:30.
        //   window 08:00-08:15  Available 08:05-08:15   600000
        //   window 08:15-08:30  Available               900000
        //   window 08:30-08:45  Available               900000
        //   window 08:45-09:00  Available 08:45-08:50   300000, Lunch 08:50-09:00 600000
        //   window 09:00-09:15  Lunch     09:00-09:10   600000 (LOGOUT's Offline status lasts 0 ms: no row)
        Scenario s = Scenario.quiet()
                .apply(Events.login("08:05:00").available().queue(Events.BILLING),
                        Events.stateChange("08:50:00").status("Lunch", "CUSTOM").queue(Events.BILLING),
                        Events.logout("09:10:00"))
                .advanceTo("09:30:00");
        assertEquals(rows(
                "08:00-08:15 Available/ROUTABLE 600000",
                "08:15-08:30 Available/ROUTABLE 900000",
                "08:30-08:45 Available/ROUTABLE 900000",
                "08:45-09:00 Available/ROUTABLE 300000",
                "08:45-09:00 Lunch/CUSTOM 600000",
                "09:00-09:15 Lunch/CUSTOM 600000"), s.statusRows());
        assertEquals(rows(
                "08:00-08:15 AVAILABLE/- 600000",
                "08:15-08:30 AVAILABLE/- 900000",
                "08:30-08:45 AVAILABLE/- 900000",
                "08:45-09:00 AVAILABLE/- 300000",
                "08:45-09:00 NON_PRODUCTIVE/Lunch 600000",
                "09:00-09:15 NON_PRODUCTIVE/Lunch 600000"), s.activityRows());
        assertEquals(List.of(), s.contactRows());
        assertEquals(List.of(), s.alertRows());
    }

    @Test
    void offlineTypeAndCustomStatusesHaveTheirOwnActivities() {
        // 08:00 LOGIN in "Offline" (OFFLINE), 08:04 Available (ROUTABLE), 08:10 Training (CUSTOM),
        // 08:12 LOGOUT; the input ends at 08:12.
        //   Offline   08:00-08:04 240000  -> OFFLINE
        //   Available 08:04-08:10 360000  -> AVAILABLE
        //   Training  08:10-08:12 120000  -> NON_PRODUCTIVE / Training
        Scenario s = Scenario.quiet()
                .apply(Events.login("08:00:00").status("Offline", "OFFLINE"),
                        Events.stateChange("08:04:00").available(),
                        Events.stateChange("08:10:00").status("Training", "CUSTOM"),
                        Events.logout("08:12:00"))
                .finish("08:12:00");
        assertEquals(rows(
                "08:00-08:15 Offline/OFFLINE 240000",
                "08:00-08:15 Available/ROUTABLE 360000",
                "08:00-08:15 Training/CUSTOM 120000"), s.statusRows());
        assertEquals(rows(
                "08:00-08:15 OFFLINE/- 240000",
                "08:00-08:15 AVAILABLE/- 360000",
                "08:00-08:15 NON_PRODUCTIVE/Training 120000"), s.activityRows());
    }

    @Test
    void missingStatusTypeIsNeverGuessedFromTheName() {
        // Statuses without Type: "Lunch" and even "Offline" are neither CUSTOM nor OFFLINE -> AVAILABLE,
        // status_type null.
        //   08:00-08:03 Lunch   (no type) 180000
        //   08:03-08:05 Offline (no type) 120000, heart beat 08:05 keeps it, input ends 08:06 -> 180000
        Scenario s = Scenario.quiet()
                .apply(Events.login("08:00:00").status("Lunch", null),
                        Events.stateChange("08:03:00").status("Offline", null),
                        Events.heartBeat("08:05:00").status("Offline", null),
                        Events.heartBeat("08:06:00").status("Offline", null))
                .finish("08:06:00");
        assertEquals(rows(
                "08:00-08:15 Lunch/null 180000",
                "08:00-08:15 Offline/null 180000"), s.statusRows());
        assertEquals(rows("08:00-08:15 AVAILABLE/- 360000"), s.activityRows());
    }

    @Test
    void oneHourWindowsWithOffsetStartAtHalfPast() {
        // window 1h, offset +05:30: windows start at hh:30 UTC ([07:30, 08:30), [08:30, 09:30), ...).
        // 08:00 LOGIN Available, 09:00 Lunch (CUSTOM), 09:45 LOGOUT; time moves to 10:30.
        //   07:30-08:30 Available 08:00-08:30 1800000
        //   08:30-09:30 Available 08:30-09:00 1800000, Lunch 09:00-09:30 1800000
        //   09:30-10:30 Lunch     09:30-09:45  900000
        Scenario s = Scenario.quiet("window", "1h", "window-offset", "+05:30")
                .apply(Events.login("08:00:00").available(),
                        Events.heartBeat("08:40:00").available(),
                        Events.stateChange("09:00:00").status("Lunch", "CUSTOM"),
                        Events.heartBeat("09:40:00").status("Lunch", "CUSTOM"),
                        Events.logout("09:45:00"))
                .advanceTo("10:30:00");
        assertEquals(rows(
                "07:30-08:30 Available/ROUTABLE 1800000",
                "08:30-09:30 Available/ROUTABLE 1800000",
                "08:30-09:30 Lunch/CUSTOM 1800000",
                "09:30-10:30 Lunch/CUSTOM 900000"), s.statusRows());
        assertEquals(rows(
                "07:30-08:30 AVAILABLE/- 1800000",
                "08:30-09:30 AVAILABLE/- 1800000",
                "08:30-09:30 NON_PRODUCTIVE/Lunch 1800000",
                "09:30-10:30 NON_PRODUCTIVE/Lunch 900000"), s.activityRows());
    }

    @Test
    void oneMinuteWindows() {
        // window 1m. 08:00:30 LOGIN Available, 08:01:45 Lunch (CUSTOM), 08:02:10 LOGOUT; input ends 08:02:10.
        //   08:00-08:01 Available 30000
        //   08:01-08:02 Available 45000, Lunch 15000
        //   08:02-08:03 Lunch 10000 (the window containing the end is emitted)
        Scenario s = Scenario.quiet("window", "1m")
                .apply(Events.login("08:00:30").available(),
                        Events.stateChange("08:01:45").status("Lunch", "CUSTOM"),
                        Events.logout("08:02:10"))
                .finish("08:02:10");
        assertEquals(rows(
                "08:00-08:01 Available/ROUTABLE 30000",
                "08:01-08:02 Available/ROUTABLE 45000",
                "08:01-08:02 Lunch/CUSTOM 15000",
                "08:02-08:03 Lunch/CUSTOM 10000"), s.statusRows());
        assertEquals(rows(
                "08:00-08:01 AVAILABLE/- 30000",
                "08:01-08:02 AVAILABLE/- 45000",
                "08:01-08:02 NON_PRODUCTIVE/Lunch 15000",
                "08:02-08:03 NON_PRODUCTIVE/Lunch 10000"), s.activityRows());
    }

    @Test
    void oneHourWindowsWithoutOffset() {
        // window 1h. 07:50 LOGIN Available, 08:20 Lunch (CUSTOM), heart beat 08:40, input ends 08:45.
        //   07:00-08:00 Available 07:50-08:00  600000
        //   08:00-09:00 Available 08:00-08:20 1200000, Lunch 08:20-08:45 1500000
        Scenario s = Scenario.quiet("window", "1h")
                .apply(Events.login("07:50:00").available(),
                        Events.stateChange("08:20:00").status("Lunch", "CUSTOM"),
                        Events.heartBeat("08:40:00").status("Lunch", "CUSTOM"))
                .finish("08:45:00");
        assertEquals(rows(
                "07:00-08:00 Available/ROUTABLE 600000",
                "08:00-09:00 Available/ROUTABLE 1200000",
                "08:00-09:00 Lunch/CUSTOM 1500000"), s.statusRows());
    }

    @Test
    void twoSessionsInOneWindowGiveOneRowPerStatusName() {
        // 08:00-08:05 Available, logged out 08:05-08:10 (nothing accrues), 08:10-08:12 Available: 420000.
        Scenario s = Scenario.quiet()
                .apply(Events.login("08:00:00").available(),
                        Events.logout("08:05:00"),
                        Events.login("08:10:00").available(),
                        Events.logout("08:12:00"))
                .finish("08:12:00");
        assertEquals(rows("08:00-08:15 Available/ROUTABLE 420000"), s.statusRows());
        assertEquals(rows("08:00-08:15 AVAILABLE/- 420000"), s.activityRows());
    }
}
