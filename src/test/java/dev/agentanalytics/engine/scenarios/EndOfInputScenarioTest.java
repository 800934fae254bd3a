package dev.agentanalytics.engine.scenarios;

import static dev.agentanalytics.engine.scenarios.Scenario.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.agentanalytics.testing.Events;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * docs/analytics.md §3.6 (as the engine sees it, finish(T)): time stops at T, intervals count up to T, the window containing
 * T is emitted, legs open at T are not written, a deadline exactly at T does not fire and one before T does.
 */
class EndOfInputScenarioTest {

    @Test
    void intervalsCountUpToTheEndAndOpenLegsAreNotWritten() {
        // 08:00 LOGIN Available; 08:20 c1 CONNECTED (still open); the input's last event (another agent's) is 08:40.
        //   08:00-08:15 Available 900000 (AVAILABLE)
        //   08:15-08:30 Available 900000 (AVAILABLE 300000, ON_CONTACT 600000)
        //   08:30-08:45 Available 600000 up to 08:40 (ON_CONTACT), emitted although the window is not over
        //   c1 is open at 08:40: no contact row.
        Scenario s = Scenario.quiet()
                .apply(Events.login("08:00:00").available(),
                        Events.stateChange("08:20:00").available().contact("c1", "CONNECTED", "08:20:00"))
                .finish("08:40:00");
        assertEquals(rows(
                "08:00-08:15 Available/ROUTABLE 900000",
                "08:15-08:30 Available/ROUTABLE 900000",
                "08:30-08:45 Available/ROUTABLE 600000"), s.statusRows());
        assertEquals(rows(
                "08:00-08:15 AVAILABLE/- 900000",
                "08:15-08:30 AVAILABLE/- 300000",
                "08:15-08:30 ON_CONTACT/- 600000",
                "08:30-08:45 ON_CONTACT/- 600000"), s.activityRows());
        assertEquals(List.of(), s.contactRows());
    }

    @Test
    void endExactlyAtAWindowBoundaryEmitsNoEmptyWindow() {
        // 08:10 LOGIN Available, input ends 08:15:00: 08:00 window 300000; the 08:15 window holds 0 ms: no row.
        Scenario s = Scenario.quiet().apply(Events.login("08:10:00").available()).finish("08:15:00");
        assertEquals(rows("08:00-08:15 Available/ROUTABLE 300000"), s.statusRows());
        assertEquals(rows("08:00-08:15 AVAILABLE/- 300000"), s.activityRows());
    }

    @Test
    void staleDeadlineExactlyAtTheEndDoesNotFire() {
        // Default settings. 08:00 LOGIN; input ends 08:05:00 = 08:00 + 300 s: no AGENT_STALE.
        Scenario s = Scenario.of().apply(Events.login("08:00:00").available()).finish("08:05:00");
        assertEquals(List.of(), s.alertRows());
        assertEquals(rows("08:00-08:15 Available/ROUTABLE 300000"), s.statusRows());
    }

    @Test
    void staleDeadlineBeforeTheEndFires() {
        // Input ends 08:05:00.001: AGENT_STALE detected 08:05:00 (silence 300000), never recovered.
        Scenario s = Scenario.of().apply(Events.login("08:00:00").available()).finish("08:05:00.001");
        assertEquals(rows(
                "AGENT_STALE contact=- detected=08:05 last=08:00 silence=300000 status=Available open=0"),
                s.alertRows());
        assertEquals(rows("08:00-08:15 Available/ROUTABLE 300001"), s.statusRows());
    }

    @Test
    void sessionTimeoutExactlyAtTheEndDoesNotFire() {
        // 08:00 LOGIN with c1 CONNECTED; input ends 09:00:00 = last + 60m: still open, c1 not written.
        Scenario s = Scenario.quiet()
                .apply(Events.login("08:00:00").available().contact("c1", "CONNECTED", "08:00:00"))
                .finish("09:00:00");
        assertEquals(List.of(), s.contactRows());
        assertEquals(rows(
                "08:00-08:15 Available/ROUTABLE 900000",
                "08:15-08:30 Available/ROUTABLE 900000",
                "08:30-08:45 Available/ROUTABLE 900000",
                "08:45-09:00 Available/ROUTABLE 900000"), s.statusRows());
    }

    @Test
    void sessionTimeoutBeforeTheEndFires() {
        // Input ends 09:00:00.001: the session closed at 09:00:00.000, c1 INCOMPLETE (talk 3600000); nothing
        // accrues after the close, so the 09:00 window holds nothing.
        Scenario s = Scenario.quiet()
                .apply(Events.login("08:00:00").available().contact("c1", "CONNECTED", "08:00:00"))
                .finish("09:00:00.001");
        assertEquals(rows(
                "c1 init=- VOICE/INBOUND q-billing/Billing INCOMPLETE offered=08:00 connected=08:00 ended=-"
                        + " completed=09:00 ring=0 talk=3600000 hold=0x0 acw=0 handle=3600000"), s.contactRows());
        assertEquals(rows(
                "08:00-08:15 Available/ROUTABLE 900000",
                "08:15-08:30 Available/ROUTABLE 900000",
                "08:30-08:45 Available/ROUTABLE 900000",
                "08:45-09:00 Available/ROUTABLE 900000"), s.statusRows());
    }

    @Test
    void supervisorAlertDeadlineAtTheEndDoesNotFireButOneBeforeDoes() {
        // Stale off (1d), ringing after 30 s. 08:00 LOGIN with c1 INCOMING since 08:00: due 08:00:30.
        Scenario atDeadline = Scenario.of("stale-after", "1d")
                .apply(Events.login("08:00:00").available().contact("c1", "INCOMING", "08:00:00"))
                .finish("08:00:30");
        assertEquals(List.of(), atDeadline.alertRows());
        Scenario after = Scenario.of("stale-after", "1d")
                .apply(Events.login("08:00:00").available().contact("c1", "INCOMING", "08:00:00"))
                .finish("08:00:30.001");
        assertEquals(rows(
                "CONTACT_RINGING_TOO_LONG contact=c1 detected=08:00:30 last=08:00 silence=30000 status=Available"
                        + " open=1"), after.alertRows());
    }
}
