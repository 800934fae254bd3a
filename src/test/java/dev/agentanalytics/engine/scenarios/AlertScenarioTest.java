package dev.agentanalytics.engine.scenarios;

import static dev.agentanalytics.engine.scenarios.Scenario.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.agentanalytics.testing.Events;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * docs/analytics.md §4.5 (AGENT_STALE / AGENT_RECOVERED) and the supervisor alerts of AlertType: detected at
 * max(state start + threshold, time the state was first seen), strictly after the limit; silence_ms of a contact
 * alert is the time in the state; each is resolved by a *_RESOLVED row with the same alert_id.
 */
class AlertScenarioTest {

    @Test
    void staleAfterFiveMinutesOfSilenceAndRecoveredAtTheNextEvent() {
        //   08:00 LOGIN Available; 08:01 c1 CONNECTED; 08:02 heart beat (c1 listed); silence; 08:10 heart beat.
        //   AGENT_STALE     detected 08:02 + 300 s = 08:07, last 08:02, silence 300000, Available, 1 contact
        //   AGENT_RECOVERED detected 08:10, last 08:02, silence 08:02 -> 08:10 = 480000
        Scenario s = Scenario.of()
                .apply(Events.login("08:00:00").available(),
                        Events.stateChange("08:01:00").available().contact("c1", "CONNECTED", "08:01:00"),
                        Events.heartBeat("08:02:00").available().contact("c1", "CONNECTED", "08:01:00"),
                        Events.heartBeat("08:10:00").available().contact("c1", "CONNECTED", "08:01:00"))
                .finish("08:10:00");
        assertEquals(rows(
                "AGENT_STALE contact=- detected=08:07 last=08:02 silence=300000 status=Available open=1",
                "AGENT_RECOVERED contact=- detected=08:10 last=08:02 silence=480000 status=Available open=1"),
                s.alertRows());
        assertEquals(List.of("AGENT_STALE+AGENT_RECOVERED"), s.alertIdGroups());
    }

    @Test
    void exactlyStaleAfterOfSilenceRaisesNothing() {
        //   08:00 LOGIN, heart beats 08:05:00 and 08:10:00: silences of exactly 300 s -> nothing.
        //   Then 08:15:00.001: a silence of 300.001 s -> AGENT_STALE at 08:15:00 and recovery at 08:15:00.001.
        Scenario s = Scenario.of()
                .apply(Events.login("08:00:00").available(),
                        Events.heartBeat("08:05:00").available(),
                        Events.heartBeat("08:10:00").available());
        s.advanceTo("08:10:00.001");
        assertEquals(List.of(), s.alertRows());
        s.apply(Events.heartBeat("08:15:00.001").available()).finish("08:15:00.001");
        assertEquals(rows(
                "AGENT_STALE contact=- detected=08:15 last=08:10 silence=300000 status=Available open=0",
                "AGENT_RECOVERED contact=- detected=08:15:00.001 last=08:10 silence=300001 status=Available open=0"),
                s.alertRows());
        assertEquals(List.of("AGENT_STALE+AGENT_RECOVERED"), s.alertIdGroups());
    }

    @Test
    void logoutWhileStaleRecoversAndNothingFollowsTheLogout() {
        //   08:00 LOGIN Available; silence; 08:07 LOGOUT -> AGENT_STALE 08:05 and AGENT_RECOVERED 08:07
        //   (silence 420000; status and contacts are those during the silence). Heart beats 08:09 and 08:30 after
        //   the logout: no session, no alert, however long the silence.
        Scenario s = Scenario.of()
                .apply(Events.login("08:00:00").available(),
                        Events.logout("08:07:00"),
                        Events.heartBeat("08:09:00").available(),
                        Events.heartBeat("08:30:00").available())
                .advanceTo("09:30:00");
        assertEquals(rows(
                "AGENT_STALE contact=- detected=08:05 last=08:00 silence=300000 status=Available open=0",
                "AGENT_RECOVERED contact=- detected=08:07 last=08:00 silence=420000 status=Available open=0"),
                s.alertRows());
        assertEquals(List.of("AGENT_STALE+AGENT_RECOVERED"), s.alertIdGroups());
    }

    @Test
    void timeoutWhileStaleEndsTheAlertSilently() {
        //   08:00 LOGIN; silence -> AGENT_STALE 08:05; session times out 09:00 (no AGENT_RECOVERED).
        //   Heart beat 09:40 reopens a session (a timeout is not a logout): still no AGENT_RECOVERED.
        Scenario s = Scenario.of()
                .apply(Events.login("08:00:00").available())
                .advanceTo("09:30:00")
                .apply(Events.heartBeat("09:40:00").available(), Events.heartBeat("09:42:00").available())
                .finish("09:42:00");
        assertEquals(rows(
                "AGENT_STALE contact=- detected=08:05 last=08:00 silence=300000 status=Available open=0"),
                s.alertRows());
        assertEquals(List.of("AGENT_STALE"), s.alertIdGroups());
        assertEquals(rows(
                "08:00-08:15 Available/ROUTABLE 900000",
                "08:15-08:30 Available/ROUTABLE 900000",
                "08:30-08:45 Available/ROUTABLE 900000",
                "08:45-09:00 Available/ROUTABLE 900000",
                "09:30-09:45 Available/ROUTABLE 120000"), s.statusRows());
    }

    @Test
    void holdTooLongAndResolvedWhenTheCallResumes() {
        // Stale off (1d); hold alert after 10m.
        //   08:01 c1 CONNECTED; 08:02 c1 CONNECTED_ONHOLD (start 08:02); 08:15 CONNECTED (start 08:15); 08:20 gone.
        //   CONTACT_ON_HOLD_TOO_LONG          detected 08:12, last event 08:02, silence 600000 (time in hold)
        //   CONTACT_ON_HOLD_TOO_LONG_RESOLVED detected 08:15, last event 08:02, silence 780000
        Scenario s = Scenario.of("stale-after", "1d")
                .apply(Events.login("08:00:00").available(),
                        Events.stateChange("08:01:00").available().contact("c1", "CONNECTED", "08:01:00"),
                        Events.stateChange("08:02:00").available().contact("c1", "CONNECTED_ONHOLD", "08:02:00"),
                        Events.stateChange("08:15:00").available().contact("c1", "CONNECTED", "08:15:00"),
                        Events.stateChange("08:20:00").available())
                .finish("08:20:00");
        assertEquals(rows(
                "CONTACT_ON_HOLD_TOO_LONG contact=c1 detected=08:12 last=08:02 silence=600000 status=Available open=1",
                "CONTACT_ON_HOLD_TOO_LONG_RESOLVED contact=c1 detected=08:15 last=08:02 silence=780000"
                        + " status=Available open=1"), s.alertRows());
        assertEquals(List.of("CONTACT_ON_HOLD_TOO_LONG+CONTACT_ON_HOLD_TOO_LONG_RESOLVED"), s.alertIdGroups());
        assertEquals(rows(
                "c1 init=- VOICE/INBOUND q-billing/Billing HANDLED offered=08:01 connected=08:01 ended=-"
                        + " completed=08:20 ring=0 talk=360000 hold=780000x1 acw=0 handle=1140000"), s.contactRows());
    }

    @Test
    void holdWhoseStateStartWasNotMovedCountsFromTheEvent() {
        // Stale off; hold alert after 10m.
        //   08:01 c1 CONNECTED (start 08:01)
        //   08:03 c1 CONNECTED_ONHOLD with StateStartTimestamp still 08:01 -> the hold starts 08:03 (event time)
        //   08:13 c1 CONNECTED (start 08:13): exactly 10m on hold -> no alert (counting from 08:01 would fire)
        //   08:14 c1 CONNECTED_ONHOLD (start 08:13:30, later than 08:13 -> used): due 08:23:30
        //   08:25 c1 CONNECTED (start 08:25) -> alert 08:23:30 (silence 600000), resolved 08:25 (silence 690000)
        //   08:26 gone. talk 120000 + 30000 + 60000 = 210000; hold 600000 + 690000 = 1290000 in 2 holds
        Scenario s = Scenario.of("stale-after", "1d")
                .apply(Events.login("08:00:00").available(),
                        Events.stateChange("08:01:00").available().contact("c1", "CONNECTED", "08:01:00"),
                        Events.stateChange("08:03:00").available().contact("c1", "CONNECTED_ONHOLD", "08:01:00"),
                        Events.stateChange("08:13:00").available().contact("c1", "CONNECTED", "08:13:00"),
                        Events.stateChange("08:14:00").available().contact("c1", "CONNECTED_ONHOLD", "08:13:30"),
                        Events.stateChange("08:25:00").available().contact("c1", "CONNECTED", "08:25:00"),
                        Events.stateChange("08:26:00").available())
                .finish("08:26:00");
        assertEquals(rows(
                "CONTACT_ON_HOLD_TOO_LONG contact=c1 detected=08:23:30 last=08:14 silence=600000 status=Available"
                        + " open=1",
                "CONTACT_ON_HOLD_TOO_LONG_RESOLVED contact=c1 detected=08:25 last=08:14 silence=690000"
                        + " status=Available open=1"), s.alertRows());
        assertEquals(rows(
                "c1 init=- VOICE/INBOUND q-billing/Billing HANDLED offered=08:01 connected=08:01 ended=-"
                        + " completed=08:26 ring=0 talk=210000 hold=1290000x2 acw=0 handle=1500000"), s.contactRows());
    }

    @Test
    void afterContactWorkTooLongIncludingAStateFirstSeenLate() {
        // Stale off; ACW alert after 5m.
        //   c1: CONNECTED 08:01; ENDED seen 08:03 with start 08:02:30 (due 08:07:30); gone 08:09
        //       -> alert 08:07:30 (silence 300000, last 08:03), resolved 08:09 (silence 390000, last 08:03)
        //   c2: first seen 08:09 already ENDED since 07:59 -> due max(08:04, 08:09) = 08:09; gone 08:10
        //       -> alert 08:09 (silence 600000 = time in ENDED, last 08:09), resolved 08:10 (660000)
        //   c2 was never seen CONNECTED -> INCOMPLETE, acw 07:59-08:10
        Scenario s = Scenario.of("stale-after", "1d")
                .apply(Events.login("08:00:00").available(),
                        Events.stateChange("08:01:00").available().contact("c1", "CONNECTED", "08:01:00"),
                        Events.stateChange("08:03:00").available().contact("c1", "ENDED", "08:02:30"),
                        Events.stateChange("08:09:00").available().contact("c2", "ENDED", "07:59:00"),
                        Events.stateChange("08:10:00").available())
                .finish("08:10:00");
        assertEquals(rows(
                "AFTER_CONTACT_WORK_TOO_LONG contact=c1 detected=08:07:30 last=08:03 silence=300000"
                        + " status=Available open=1",
                "AFTER_CONTACT_WORK_TOO_LONG_RESOLVED contact=c1 detected=08:09 last=08:03 silence=390000"
                        + " status=Available open=1",
                "AFTER_CONTACT_WORK_TOO_LONG contact=c2 detected=08:09 last=08:09 silence=600000"
                        + " status=Available open=1",
                "AFTER_CONTACT_WORK_TOO_LONG_RESOLVED contact=c2 detected=08:10 last=08:09 silence=660000"
                        + " status=Available open=1"), s.alertRows());
        assertEquals(List.of("AFTER_CONTACT_WORK_TOO_LONG+AFTER_CONTACT_WORK_TOO_LONG_RESOLVED",
                "AFTER_CONTACT_WORK_TOO_LONG+AFTER_CONTACT_WORK_TOO_LONG_RESOLVED"), s.alertIdGroups());
        assertEquals(rows(
                "c1 init=- VOICE/INBOUND q-billing/Billing HANDLED offered=08:01 connected=08:01 ended=08:02:30"
                        + " completed=08:09 ring=0 talk=90000 hold=0x0 acw=390000 handle=480000",
                "c2 init=- VOICE/INBOUND q-billing/Billing INCOMPLETE offered=07:59 connected=- ended=07:59"
                        + " completed=08:10 ring=0 talk=0 hold=0x0 acw=660000 handle=660000"), s.contactRows());
    }

    @Test
    void ringingTooLongButNotForExactlyThirtySeconds() {
        // Stale off; ringing alert after 30 s.
        //   c1 INCOMING 08:01:00, CONNECTED 08:01:40 -> alert 08:01:30 (silence 30000), resolved 08:01:40 (40000)
        //   c2 INCOMING 08:03:00, CONNECTED 08:03:30 -> exactly 30 s: nothing
        Scenario s = Scenario.of("stale-after", "1d")
                .apply(Events.login("08:00:00").available(),
                        Events.stateChange("08:01:00").available().contact("c1", "INCOMING", "08:01:00"),
                        Events.stateChange("08:01:40").available().contact("c1", "CONNECTED", "08:01:40"),
                        Events.stateChange("08:02:00").available(),
                        Events.stateChange("08:03:00").available().contact("c2", "INCOMING", "08:03:00"),
                        Events.stateChange("08:03:30").available().contact("c2", "CONNECTED", "08:03:30"),
                        Events.stateChange("08:04:00").available())
                .finish("08:04:00");
        assertEquals(rows(
                "CONTACT_RINGING_TOO_LONG contact=c1 detected=08:01:30 last=08:01 silence=30000 status=Available"
                        + " open=1",
                "CONTACT_RINGING_TOO_LONG_RESOLVED contact=c1 detected=08:01:40 last=08:01 silence=40000"
                        + " status=Available open=1"), s.alertRows());
        assertEquals(List.of("CONTACT_RINGING_TOO_LONG+CONTACT_RINGING_TOO_LONG_RESOLVED"), s.alertIdGroups());
    }

    @Test
    void agentStuckInMissed() {
        // Stale off; stuck after 60 s. c1 INCOMING 08:01:00 (20 s ring: no ringing alert), MISSED 08:01:20,
        // gone 08:03 -> AGENT_STUCK 08:02:20 (silence 60000), resolved 08:03 (silence 100000).
        Scenario s = stuckScenario("stale-after", "1d");
        assertEquals(rows(
                "AGENT_STUCK contact=c1 detected=08:02:20 last=08:01:20 silence=60000 status=Available open=1",
                "AGENT_STUCK_RESOLVED contact=c1 detected=08:03 last=08:01:20 silence=100000 status=Available"
                        + " open=1"), s.alertRows());
        assertEquals(List.of("AGENT_STUCK+AGENT_STUCK_RESOLVED"), s.alertIdGroups());
    }

    @Test
    void thresholdZeroTurnsAnAlertOff() {
        // Same story with a 50 s ring: by default it raises a ringing alert and a stuck alert...
        Scenario defaults = longRingThenMissed("stale-after", "1d");
        assertEquals(List.of("AGENT_STUCK+AGENT_STUCK_RESOLVED",
                "CONTACT_RINGING_TOO_LONG+CONTACT_RINGING_TOO_LONG_RESOLVED"), defaults.alertIdGroups());
        // ... with alert.ringing-after 0 only the stuck alert is left, with both at 0 none.
        Scenario noRinging = longRingThenMissed("stale-after", "1d", "alert.ringing-after", "0");
        assertEquals(List.of("AGENT_STUCK+AGENT_STUCK_RESOLVED"), noRinging.alertIdGroups());
        Scenario none = longRingThenMissed("stale-after", "1d", "alert.ringing-after", "0",
                "alert.stuck-after", "0");
        assertEquals(List.of(), none.alertRows());
    }

    @Test
    void alertIdsAreDeterministicAndDistinct() {
        Scenario first = stuckScenario("stale-after", "1d");
        Scenario second = stuckScenario("stale-after", "1d");
        assertEquals(2, first.alertIds().size());
        assertEquals(first.alertIds(), second.alertIds());
        Scenario stale = Scenario.of().apply(Events.login("08:00:00").available(),
                Events.heartBeat("08:10:00").available()).finish("08:10:00");
        assertNotEquals(first.alertIds().get(0), stale.alertIds().get(0));
    }

    private static Scenario stuckScenario(String... settings) {
        return Scenario.of(settings)
                .apply(Events.login("08:00:00").available(),
                        Events.stateChange("08:01:00").available().contact("c1", "INCOMING", "08:01:00"),
                        Events.stateChange("08:01:20").available().contact("c1", "MISSED", "08:01:20"),
                        Events.stateChange("08:03:00").available())
                .finish("08:03:00");
    }

    private static Scenario longRingThenMissed(String... settings) {
        // c1 INCOMING 08:01:00, MISSED 08:01:50 (ringing due 08:01:30), gone 08:05 (stuck due 08:02:50).
        return Scenario.of(settings)
                .apply(Events.login("08:00:00").available(),
                        Events.stateChange("08:01:00").available().contact("c1", "INCOMING", "08:01:00"),
                        Events.stateChange("08:01:50").available().contact("c1", "MISSED", "08:01:50"),
                        Events.stateChange("08:05:00").available())
                .finish("08:05:00");
    }
}
