package dev.agentanalytics.engine.scenarios;

import static dev.agentanalytics.engine.scenarios.Scenario.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.agentanalytics.testing.Events;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * docs/analytics.md §3.4: concurrent contacts decide the activity, in the precedence ERROR > MISSED > REJECTED >
 * ON_CONTACT > AFTER_CONTACT_WORK > INCOMING > NON_PRODUCTIVE > OFFLINE > AVAILABLE.
 */
class ActivityScenarioTest {

    @Test
    void concurrentContactsFollowThePrecedenceLadder() {
        // One minute per step, status Available (ROUTABLE) unless said otherwise:
        //   08:00 no contacts                                -> AVAILABLE
        //   08:01 c1 INCOMING                                -> INCOMING
        //   08:02 c1 CONNECTED, c2 INCOMING                  -> ON_CONTACT (beats INCOMING)
        //   08:03 c1 ENDED, c2 INCOMING                      -> AFTER_CONTACT_WORK (beats INCOMING)
        //   08:04 c1 ENDED, c2 CONNECTED                     -> ON_CONTACT (beats ENDED)
        //   08:05 c2 PAUSED, c3 REJECTED                     -> REJECTED (beats PAUSED = on contact)
        //   08:06 c2 CONNECTED, c4 MISSED                    -> MISSED
        //   08:07 c2 CONNECTED, c4 MISSED, c5 ERROR          -> ERROR
        //   08:08 no contacts, Lunch (CUSTOM)                -> NON_PRODUCTIVE / Lunch
        //   08:09 Offline (OFFLINE)                          -> OFFLINE
        //   08:10 LOGOUT, input ends
        Scenario s = Scenario.quiet()
                .apply(Events.login("08:00:00").available(),
                        Events.stateChange("08:01:00").available().contact("c1", "INCOMING", "08:01:00"),
                        Events.stateChange("08:02:00").available().contact("c1", "CONNECTED", "08:02:00")
                                .contact("c2", "INCOMING", "08:02:00").via("CHAT", "INBOUND", Events.BILLING),
                        Events.stateChange("08:03:00").available().contact("c1", "ENDED", "08:03:00")
                                .contact("c2", "INCOMING", "08:02:00").via("CHAT", "INBOUND", Events.BILLING),
                        Events.stateChange("08:04:00").available().contact("c1", "ENDED", "08:03:00")
                                .contact("c2", "CONNECTED", "08:04:00").via("CHAT", "INBOUND", Events.BILLING),
                        Events.stateChange("08:05:00").available()
                                .contact("c2", "PAUSED", "08:05:00").via("CHAT", "INBOUND", Events.BILLING)
                                .contact("c3", "REJECTED", "08:05:00"),
                        Events.stateChange("08:06:00").available()
                                .contact("c2", "CONNECTED", "08:06:00").via("CHAT", "INBOUND", Events.BILLING)
                                .contact("c4", "MISSED", "08:06:00"),
                        Events.stateChange("08:07:00").available()
                                .contact("c2", "CONNECTED", "08:06:00").via("CHAT", "INBOUND", Events.BILLING)
                                .contact("c4", "MISSED", "08:06:00")
                                .contact("c5", "ERROR", "08:07:00"),
                        Events.stateChange("08:08:00").status("Lunch", "CUSTOM"),
                        Events.stateChange("08:09:00").status("Offline", "OFFLINE"),
                        Events.logout("08:10:00"))
                .finish("08:10:00");
        assertEquals(rows(
                "08:00-08:15 AVAILABLE/- 60000",
                "08:00-08:15 INCOMING/- 60000",
                "08:00-08:15 ON_CONTACT/- 120000",
                "08:00-08:15 AFTER_CONTACT_WORK/- 60000",
                "08:00-08:15 REJECTED/- 60000",
                "08:00-08:15 MISSED/- 60000",
                "08:00-08:15 ERROR/- 60000",
                "08:00-08:15 NON_PRODUCTIVE/Lunch 60000",
                "08:00-08:15 OFFLINE/- 60000"), s.activityRows());
        assertEquals(rows(
                "08:00-08:15 Available/ROUTABLE 480000",
                "08:00-08:15 Lunch/CUSTOM 60000",
                "08:00-08:15 Offline/OFFLINE 60000"), s.statusRows());
        // Legs (all end at the first event that no longer lists them):
        //   c1 INCOMING 08:01-08:02, CONNECTED 08:02-08:03, ENDED 08:03-08:05 (gone at 08:05)
        //   c2 INCOMING 08:02-08:04, CONNECTED 08:04-08:05, PAUSED 08:05-08:06 (no duration),
        //      CONNECTED 08:06-08:08 (gone at 08:08)
        //   c3 REJECTED 08:05-08:06; c4 MISSED 08:06-08:08; c5 ERROR 08:07-08:08
        assertEquals(rows(
                "c1 init=- VOICE/INBOUND q-billing/Billing HANDLED offered=08:01 connected=08:02 ended=08:03"
                        + " completed=08:05 ring=60000 talk=60000 hold=0x0 acw=120000 handle=180000",
                "c2 init=- CHAT/INBOUND q-billing/Billing HANDLED offered=08:02 connected=08:04 ended=-"
                        + " completed=08:08 ring=120000 talk=180000 hold=0x0 acw=0 handle=180000",
                "c3 init=- VOICE/INBOUND q-billing/Billing REJECTED offered=08:05 connected=- ended=-"
                        + " completed=08:06 ring=0 talk=0 hold=0x0 acw=0 handle=0",
                "c4 init=- VOICE/INBOUND q-billing/Billing MISSED offered=08:06 connected=- ended=-"
                        + " completed=08:08 ring=0 talk=0 hold=0x0 acw=0 handle=0",
                "c5 init=- VOICE/INBOUND q-billing/Billing ERROR offered=08:07 connected=- ended=-"
                        + " completed=08:08 ring=0 talk=0 hold=0x0 acw=0 handle=0"), s.contactRows());
    }

    @Test
    void customStatusWhileAContactIsInAfterContactWorkIsAfterContactWork() {
        //   08:00 LOGIN Available, c1 CONNECTED             -> ON_CONTACT 08:00-08:02
        //   08:02 status Lunch (CUSTOM), c1 ENDED           -> AFTER_CONTACT_WORK 08:02-08:04 (not NON_PRODUCTIVE)
        //   08:04 Lunch, c1 gone                            -> NON_PRODUCTIVE/Lunch 08:04-08:05
        //   08:05 Break (CUSTOM)                            -> NON_PRODUCTIVE/Break 08:05-08:06
        //   08:06 LOGOUT
        Scenario s = Scenario.quiet()
                .apply(Events.login("08:00:00").available().contact("c1", "CONNECTED", "08:00:00")
                                .via("CHAT", "INBOUND", Events.BILLING),
                        Events.stateChange("08:02:00").status("Lunch", "CUSTOM").contact("c1", "ENDED", "08:02:00")
                                .via("CHAT", "INBOUND", Events.BILLING),
                        Events.stateChange("08:04:00").status("Lunch", "CUSTOM"),
                        Events.stateChange("08:05:00").status("Break", "CUSTOM"),
                        Events.logout("08:06:00"))
                .finish("08:06:00");
        assertEquals(rows(
                "08:00-08:15 ON_CONTACT/- 120000",
                "08:00-08:15 AFTER_CONTACT_WORK/- 120000",
                "08:00-08:15 NON_PRODUCTIVE/Lunch 60000",
                "08:00-08:15 NON_PRODUCTIVE/Break 60000"), s.activityRows());
        assertEquals(rows(
                "08:00-08:15 Available/ROUTABLE 120000",
                "08:00-08:15 Lunch/CUSTOM 180000",
                "08:00-08:15 Break/CUSTOM 60000"), s.statusRows());
        assertEquals(rows(
                "c1 init=- CHAT/INBOUND q-billing/Billing HANDLED offered=08:00 connected=08:00 ended=08:02"
                        + " completed=08:04 ring=0 talk=120000 hold=0x0 acw=120000 handle=240000"), s.contactRows());
    }

    @Test
    void pausedIsOnContactAndAnUnknownStateImpliesNoActivity() {
        //   08:00 LOGIN Available, t1 (TASK) PAUSED   -> ON_CONTACT 08:00-08:03
        //   08:03 t1 "FROZEN" (unknown state)        -> falls through to the status: AVAILABLE 08:03-08:05
        //   08:05 t1 gone, Offline (OFFLINE)         -> OFFLINE 08:05-08:06
        //   08:06 LOGOUT
        // t1: PAUSED and unknown states count in no duration; never CONNECTED, no failure -> INCOMPLETE.
        Scenario s = Scenario.quiet()
                .apply(Events.login("08:00:00").available().contact("t1", "PAUSED", "08:00:00")
                                .via("TASK", "API", Events.BILLING),
                        Events.stateChange("08:03:00").available().contact("t1", "FROZEN", "08:03:00")
                                .via("TASK", "API", Events.BILLING),
                        Events.stateChange("08:05:00").status("Offline", "OFFLINE"),
                        Events.logout("08:06:00"))
                .finish("08:06:00");
        assertEquals(rows(
                "08:00-08:15 ON_CONTACT/- 180000",
                "08:00-08:15 AVAILABLE/- 120000",
                "08:00-08:15 OFFLINE/- 60000"), s.activityRows());
        assertEquals(rows(
                "t1 init=- TASK/API q-billing/Billing INCOMPLETE offered=08:00 connected=- ended=-"
                        + " completed=08:05 ring=0 talk=0 hold=0x0 acw=0 handle=0"), s.contactRows());
    }

    @Test
    void activityChangesAtTheEventTimeNotAtTheStateStart() {
        //   08:00:00 LOGIN Available, c1 INCOMING (start 08:00:00)
        //   08:01:00 c1 CONNECTED with StateStartTimestamp 08:00:50
        //   08:03:00 c1 gone (no ENDED seen); heart beat 08:04, input ends 08:04
        // Activity: INCOMING 08:00-08:01 (60000: the event time decides), ON_CONTACT 08:01-08:03 (120000),
        //           AVAILABLE 08:03-08:04 (60000).
        // Leg: ring 08:00:00-08:00:50 = 50000, talk 08:00:50-08:03:00 = 130000 (state start moves the leg's times).
        Scenario s = Scenario.quiet()
                .apply(Events.login("08:00:00").available().contact("c1", "INCOMING", "08:00:00"),
                        Events.stateChange("08:01:00").available().contact("c1", "CONNECTED", "08:00:50"),
                        Events.stateChange("08:03:00").available(),
                        Events.heartBeat("08:04:00").available())
                .finish("08:04:00");
        assertEquals(rows(
                "08:00-08:15 INCOMING/- 60000",
                "08:00-08:15 ON_CONTACT/- 120000",
                "08:00-08:15 AVAILABLE/- 60000"), s.activityRows());
        assertEquals(rows(
                "c1 init=- VOICE/INBOUND q-billing/Billing HANDLED offered=08:00 connected=08:00:50 ended=-"
                        + " completed=08:03 ring=50000 talk=130000 hold=0x0 acw=0 handle=130000"), s.contactRows());
        assertEquals(List.of(), s.alertRows());
    }

    @Test
    void aListedContactThatCannotBeFollowedStillCounts() {
        // Contract: the activity looks at "any contact", open_contacts counts "the entries in Contacts, any state".
        //   08:00 LOGIN Available, one contact without a ContactId, CONNECTED      -> ON_CONTACT
        //   08:01 heart beat: c1 CONNECTED and c1 again, ENDED (the last entry is the leg) -> ON_CONTACT
        //   silence; AGENT_STALE at 08:06 with 2 open contacts; 08:07 LOGOUT, no contacts: recovered, c1 ends.
        Scenario s = Scenario.of("alert.hold-after", "0", "alert.acw-after", "0", "alert.ringing-after", "0",
                        "alert.stuck-after", "0")
                .apply(Events.login("08:00:00").available().contact(null, "CONNECTED", "08:00:00"),
                        Events.heartBeat("08:01:00").available().contact("c1", "CONNECTED", "08:01:00")
                                .contact("c1", "ENDED", "08:01:00"),
                        Events.logout("08:07:00"))
                .finish("08:07:00");
        assertEquals(rows("08:00-08:15 ON_CONTACT/- 420000"), s.activityRows());
        assertEquals(rows(
                "AGENT_STALE contact=- detected=08:06 last=08:01 silence=300000 status=Available open=2",
                "AGENT_RECOVERED contact=- detected=08:07 last=08:01 silence=360000 status=Available open=2"),
                s.alertRows());
        // One leg: c1, from its last entry (ENDED from 08:01); the entry without an id is no row.
        assertEquals(rows(
                "c1 init=- VOICE/INBOUND q-billing/Billing INCOMPLETE offered=08:01 connected=- ended=08:01"
                        + " completed=08:07 ring=0 talk=0 hold=0x0 acw=360000 handle=360000"), s.contactRows());
    }
}
