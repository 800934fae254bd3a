package dev.agentanalytics.engine.scenarios;

import static dev.agentanalytics.engine.scenarios.Scenario.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.agentanalytics.testing.Events;
import java.util.List;
import org.junit.jupiter.api.Test;

/** docs/analytics.md §3.2: when a session is open; nothing accrues outside one; the logged-out mark. */
class SessionScenarioTest {

    @Test
    void heartBeatsDuringTheHourAfterALogoutNeverReopen() {
        // 08:00 LOGIN Available, heart beats 08:04, 08:08; 08:10 LOGOUT; then, as Connect does, a heart beat every
        // 2 minutes for an hour, Available (ROUTABLE): each comes within session-timeout (60m) of the one before,
        // so the agent stays logged out throughout. Nothing after 08:10, and no stale alert for a logged-out agent.
        Scenario s = Scenario.of().apply(Events.login("08:00:00").available(), Events.heartBeat("08:04:00").available(),
                Events.heartBeat("08:08:00").available(), Events.logout("08:10:00"));
        for (int minute = 12; minute <= 70; minute += 2) {
            s.apply(Events.heartBeat(String.format("%02d:%02d:00", 8 + minute / 60, minute % 60)).available());
        }
        s.finish("09:10:00");
        assertEquals(rows("08:00-08:15 Available/ROUTABLE 600000"), s.statusRows());
        assertEquals(rows("08:00-08:15 AVAILABLE/- 600000"), s.activityRows());
        assertEquals(List.of(), s.alertRows());
    }

    @Test
    void aLoginThenATimeoutThenAHeartBeatReopens() {
        // The agent logged out once (07:00), then logged in again (08:00): the LOGIN clears the mark. Silence after
        // 08:02 times the session out at 09:02 (a timeout is not a logout), so the heart beat at 09:30 reopens it.
        //   Available 08:00-09:02, then 09:30-09:40 (input ends 09:40).
        Scenario s = Scenario.quiet()
                .apply(Events.logout("07:00:00"),
                        Events.login("08:00:00").available(),
                        Events.heartBeat("08:02:00").available(),
                        Events.heartBeat("09:30:00").available(),
                        Events.heartBeat("09:40:00").available())
                .finish("09:40:00");
        assertEquals(rows(
                "08:00-08:15 Available/ROUTABLE 900000",
                "08:15-08:30 Available/ROUTABLE 900000",
                "08:30-08:45 Available/ROUTABLE 900000",
                "08:45-09:00 Available/ROUTABLE 900000",
                "09:00-09:15 Available/ROUTABLE 120000",
                "09:30-09:45 Available/ROUTABLE 600000"), s.statusRows());
    }

    @Test
    void aLongSilenceAfterThePostLogoutHeartBeatsReopens() {
        // 08:00 LOGIN, 08:10 LOGOUT, heart beats every 2 minutes until 09:10 (logged out throughout), then nothing
        // for longer than session-timeout: the mark is forgotten 60m after 09:10. The next heart beat, at 10:30,
        // is a shift the job joins mid-way (a job started mid-shift would see the same): it reopens.
        //   Available 08:00-08:10, then 10:30-10:40 (input ends 10:40).
        Scenario s = Scenario.quiet().apply(Events.login("08:00:00").available(), Events.logout("08:10:00"));
        for (int minute = 12; minute <= 70; minute += 2) {
            s.apply(Events.heartBeat(String.format("%02d:%02d:00", 8 + minute / 60, minute % 60)).available());
        }
        s.apply(Events.heartBeat("10:10:00").available()); // exactly 60m after 09:10: still logged out (strict)
        s.apply(Events.heartBeat("11:10:00.001").available(), Events.heartBeat("11:20:00").available())
                .finish("11:20:00");
        assertEquals(rows(
                "08:00-08:15 Available/ROUTABLE 600000",
                "11:00-11:15 Available/ROUTABLE 299999",
                "11:15-11:30 Available/ROUTABLE 300000"), s.statusRows());
    }

    @Test
    void heartBeatsAfterLogoutOpenNoSessionAndRaiseNoAlert() {
        // Default settings (stale after 300 s). 08:00 LOGIN, 08:05 LOGOUT, heart beats 08:06 and 08:20 (Available,
        // ROUTABLE): no session, so no rows after 08:05 and no AGENT_STALE for the silence after 08:06.
        Scenario s = Scenario.of()
                .apply(Events.login("08:00:00").available(),
                        Events.logout("08:05:00"),
                        Events.heartBeat("08:06:00").available(),
                        Events.heartBeat("08:20:00").available())
                .advanceTo("08:40:00");
        assertEquals(rows("08:00-08:15 Available/ROUTABLE 300000"), s.statusRows());
        assertEquals(rows("08:00-08:15 AVAILABLE/- 300000"), s.activityRows());
        assertEquals(List.of(), s.alertRows());
    }

    @Test
    void heartBeatOpensASessionMidShift() {
        // The job starts mid-shift: the first event is a HEART_BEAT (Available, ROUTABLE) at 08:03.
        //   Available 08:03-08:06 180000, Lunch 08:06-08:08 120000 (input ends 08:08)
        Scenario s = Scenario.quiet()
                .apply(Events.heartBeat("08:03:00").available(),
                        Events.stateChange("08:06:00").status("Lunch", "CUSTOM"),
                        Events.heartBeat("08:08:00").status("Lunch", "CUSTOM"))
                .finish("08:08:00");
        assertEquals(rows(
                "08:00-08:15 Available/ROUTABLE 180000",
                "08:00-08:15 Lunch/CUSTOM 120000"), s.statusRows());
    }

    @Test
    void heartBeatOfAnOfflineTypeStatusOpensNothing() {
        // Heart beats 08:00 and 08:02 in Offline (OFFLINE): no session. 08:04 heart beat Available opens one.
        //   Available 08:04-08:06 120000; nothing for Offline.
        Scenario s = Scenario.quiet()
                .apply(Events.heartBeat("08:00:00").status("Offline", "OFFLINE"),
                        Events.heartBeat("08:02:00").status("Offline", "OFFLINE"),
                        Events.heartBeat("08:04:00").available(),
                        Events.heartBeat("08:06:00").available())
                .finish("08:06:00");
        assertEquals(rows("08:00-08:15 Available/ROUTABLE 120000"), s.statusRows());
        assertEquals(rows("08:00-08:15 AVAILABLE/- 120000"), s.activityRows());
    }

    @Test
    void heartBeatAfterALogoutOfNoSessionOpensNothingButStateChangeDoes() {
        // 08:00 LOGOUT (no session open: still "a LOGOUT was processed"), heart beats 08:01, 08:02 Available:
        // no session. 08:03 STATE_CHANGE opens one; heart beat 08:05 refreshes it. Available 08:03-08:05.
        Scenario s = Scenario.quiet()
                .apply(Events.logout("08:00:00"),
                        Events.heartBeat("08:01:00").available(),
                        Events.heartBeat("08:02:00").available(),
                        Events.stateChange("08:03:00").available(),
                        Events.heartBeat("08:05:00").available())
                .finish("08:05:00");
        assertEquals(rows("08:00-08:15 Available/ROUTABLE 120000"), s.statusRows());
    }

    @Test
    void unknownEventTypeRefreshesButNeverOpensOrCloses() {
        //   08:00 AGENT_PROFILE_UPDATED (unknown type), Available: opens nothing
        //   08:02 LOGIN Available
        //   08:04 unknown type with status Lunch (CUSTOM): refreshes -> Lunch from 08:04
        //   08:05 unknown type with status Offline (OFFLINE): refreshes, does not close -> Offline from 08:05
        //   08:06 LOGOUT; 08:07 unknown type, Available: opens nothing (input ends 08:07)
        Scenario s = Scenario.quiet()
                .apply(Events.ofType("AGENT_PROFILE_UPDATED", "08:00:00").available(),
                        Events.login("08:02:00").available(),
                        Events.ofType("AGENT_PROFILE_UPDATED", "08:04:00").status("Lunch", "CUSTOM"),
                        Events.ofType("AGENT_PROFILE_UPDATED", "08:05:00").status("Offline", "OFFLINE"),
                        Events.logout("08:06:00"),
                        Events.ofType("AGENT_PROFILE_UPDATED", "08:07:00").available())
                .finish("08:07:00");
        assertEquals(rows(
                "08:00-08:15 Available/ROUTABLE 120000",
                "08:00-08:15 Lunch/CUSTOM 60000",
                "08:00-08:15 Offline/OFFLINE 60000"), s.statusRows());
        assertEquals(rows(
                "08:00-08:15 AVAILABLE/- 120000",
                "08:00-08:15 NON_PRODUCTIVE/Lunch 60000",
                "08:00-08:15 OFFLINE/- 60000"), s.activityRows());
    }

    @Test
    void sessionTimesOutAnHourAfterTheLastEventAndAHeartBeatReopensIt() {
        //   08:00 LOGIN Available; 08:05 c1 CONNECTED; 08:10 heart beat (c1 still CONNECTED); silence.
        //   Timeout: closes at 08:10 + 60m = 09:10; c1 still listed -> INCOMPLETE, talk 08:05-09:10 = 3900000.
        //   A timeout is not a logout: heart beat 09:20 (Available, no contacts) reopens; 09:25 heart beat, end.
        //     08:00-08:15 Available 900000 (AVAILABLE 300000, ON_CONTACT 600000)
        //     08:15, 08:30, 08:45 Available 900000 (ON_CONTACT 900000 each)
        //     09:00-09:15 Available 600000 (ON_CONTACT 600000)
        //     09:15-09:30 Available 300000 (AVAILABLE 09:20-09:25)
        Scenario s = Scenario.quiet()
                .apply(Events.login("08:00:00").available(),
                        Events.stateChange("08:05:00").available().contact("c1", "CONNECTED", "08:05:00"),
                        Events.heartBeat("08:10:00").available().contact("c1", "CONNECTED", "08:05:00"))
                .advanceTo("09:15:00");
        assertEquals(rows(
                "c1 init=- VOICE/INBOUND q-billing/Billing INCOMPLETE offered=08:05 connected=08:05 ended=-"
                        + " completed=09:10 ring=0 talk=3900000 hold=0x0 acw=0 handle=3900000"), s.contactRows());
        s.apply(Events.heartBeat("09:20:00").available(), Events.heartBeat("09:25:00").available())
                .finish("09:25:00");
        assertEquals(rows(
                "08:00-08:15 Available/ROUTABLE 900000",
                "08:15-08:30 Available/ROUTABLE 900000",
                "08:30-08:45 Available/ROUTABLE 900000",
                "08:45-09:00 Available/ROUTABLE 900000",
                "09:00-09:15 Available/ROUTABLE 600000",
                "09:15-09:30 Available/ROUTABLE 300000"), s.statusRows());
        assertEquals(rows(
                "08:00-08:15 AVAILABLE/- 300000",
                "08:00-08:15 ON_CONTACT/- 600000",
                "08:15-08:30 ON_CONTACT/- 900000",
                "08:30-08:45 ON_CONTACT/- 900000",
                "08:45-09:00 ON_CONTACT/- 900000",
                "09:00-09:15 ON_CONTACT/- 600000",
                "09:15-09:30 AVAILABLE/- 300000"), s.activityRows());
        assertEquals(1, s.contactRows().size());
    }

    @Test
    void anEventAtExactlyTheTimeoutKeepsTheSessionOpen() {
        // 08:00 LOGIN Available; next event 09:00:00.000 = last + 60m exactly (strict: still open), a HEART_BEAT
        // in Offline (OFFLINE) that refreshes the open session (it could not open one); heart beat 09:05, end.
        Scenario s = Scenario.quiet()
                .apply(Events.login("08:00:00").available(),
                        Events.heartBeat("09:00:00").status("Offline", "OFFLINE"),
                        Events.heartBeat("09:05:00").status("Offline", "OFFLINE"))
                .finish("09:05:00");
        assertEquals(rows(
                "08:00-08:15 Available/ROUTABLE 900000",
                "08:15-08:30 Available/ROUTABLE 900000",
                "08:30-08:45 Available/ROUTABLE 900000",
                "08:45-09:00 Available/ROUTABLE 900000",
                "09:00-09:15 Offline/OFFLINE 300000"), s.statusRows());
    }

    @Test
    void anEventOneMillisecondAfterTheTimeoutFindsTheSessionClosed() {
        // Same, but the heart beat comes at 09:00:00.001: the session closed at 09:00:00.000 and an OFFLINE
        // heart beat does not reopen it -> nothing after 09:00.
        Scenario s = Scenario.quiet()
                .apply(Events.login("08:00:00").available(),
                        Events.heartBeat("09:00:00.001").status("Offline", "OFFLINE"),
                        Events.heartBeat("09:05:00").status("Offline", "OFFLINE"))
                .finish("09:05:00");
        assertEquals(rows(
                "08:00-08:15 Available/ROUTABLE 900000",
                "08:15-08:30 Available/ROUTABLE 900000",
                "08:30-08:45 Available/ROUTABLE 900000",
                "08:45-09:00 Available/ROUTABLE 900000"), s.statusRows());
    }

    @Test
    void logoutWithALegStillListedEndsItIncomplete() {
        //   08:00 LOGIN Available (serves Billing), c1 VOICE CONNECTED
        //   08:01 c1 CONNECTED, ch2 CHAT CONNECTED
        //   08:04 c1 ENDED, ch2 CONNECTED
        //   08:06 LOGOUT whose snapshot still lists c1 (ENDED) but no longer ch2
        //   c1 -> INCOMPLETE at 08:06 (talk 240000, acw 120000); ch2 -> ends normally at 08:06: HANDLED, talk 300000
        //   Billing 08:00: ON_CONTACT 08:00-08:06 = 360000, occupancy 1.0, handled 1 (ch2 only), avg 300000
        Scenario s = Scenario.quiet()
                .apply(Events.login("08:00:00").available().queue(Events.BILLING)
                                .contact("c1", "CONNECTED", "08:00:00"),
                        Events.stateChange("08:01:00").available().queue(Events.BILLING)
                                .contact("c1", "CONNECTED", "08:00:00")
                                .contact("ch2", "CONNECTED", "08:01:00").via("CHAT", "INBOUND", Events.BILLING),
                        Events.stateChange("08:04:00").available().queue(Events.BILLING)
                                .contact("c1", "ENDED", "08:04:00")
                                .contact("ch2", "CONNECTED", "08:01:00").via("CHAT", "INBOUND", Events.BILLING),
                        Events.logout("08:06:00").queue(Events.BILLING).contact("c1", "ENDED", "08:04:00"))
                .finish("08:06:00");
        assertEquals(rows(
                "c1 init=- VOICE/INBOUND q-billing/Billing INCOMPLETE offered=08:00 connected=08:00 ended=08:04"
                        + " completed=08:06 ring=0 talk=240000 hold=0x0 acw=120000 handle=360000",
                "ch2 init=- CHAT/INBOUND q-billing/Billing HANDLED offered=08:01 connected=08:01 ended=-"
                        + " completed=08:06 ring=0 talk=300000 hold=0x0 acw=0 handle=300000"), s.contactRows());
        assertEquals(rows("08:00-08:15 ON_CONTACT/- 360000"), s.activityRows());
        assertEquals(rows(
                "08:00-08:15 q-billing/Billing staffed=360000 available=0 onContact=360000 acw=0 incoming=0"
                        + " nonProductive=0 error=0 offline=0 agents=0.400000 occupancy=1.000000 handled=1"
                        + " handleSum=300000 avgHandle=300000"), s.queueRows());
    }
}
