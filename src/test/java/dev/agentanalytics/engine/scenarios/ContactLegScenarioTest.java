package dev.agentanalytics.engine.scenarios;

import static dev.agentanalytics.engine.scenarios.Scenario.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.agentanalytics.testing.Events;
import java.util.List;
import org.junit.jupiter.api.Test;

/** docs/analytics.md §3.5 and §4.3: contact legs, their state times and outcomes. */
class ContactLegScenarioTest {

    @Test
    void voiceCallWithTwoHoldsAndAfterContactWork() {
        //  event     c1 State          StateStart   state start used        time added to the previous state
        //  08:01:00  INCOMING          08:01:00     08:01:00 (offered)
        //  08:01:20  CONNECTED         08:01:18     08:01:18 (connected)    ring 18000
        //  08:03:00  CONNECTED_ONHOLD  08:02:59     08:02:59 (hold #1)      talk 101000
        //  08:04:00  CONNECTED         08:03:58     08:03:58                hold  59000
        //  08:06:00  CONNECTED_ONHOLD  08:03:58     08:06:00 (hold #2)      talk 122000
        //            (Connect did not move StateStartTimestamp: not later than the previous state's start,
        //             so the new state starts at the event's time)
        //  08:07:30  CONNECTED         08:07:29     08:07:29                hold  89000
        //  08:09:00  ENDED             08:08:59     08:08:59 (ended)        talk  90000
        //  08:10:00  (not listed)                   completed 08:10:00      acw   61000
        //  ring 18000, talk 313000, hold 148000 x2, acw 61000, handle 313000 + 148000 + 61000 = 522000
        // Activity (changes at event times): AVAILABLE 08:00-08:01, INCOMING 08:01:00-08:01:20 (20000),
        // ON_CONTACT 08:01:20-08:09:00 (460000), AFTER_CONTACT_WORK 08:09-08:10 (60000).
        Scenario s = Scenario.quiet()
                .apply(Events.login("08:00:00").available().queue(Events.BILLING),
                        Events.stateChange("08:01:00").available().queue(Events.BILLING)
                                .contact("c1", "INCOMING", "08:01:00"),
                        Events.stateChange("08:01:20").available().queue(Events.BILLING)
                                .contact("c1", "CONNECTED", "08:01:18"),
                        Events.stateChange("08:03:00").available().queue(Events.BILLING)
                                .contact("c1", "CONNECTED_ONHOLD", "08:02:59"),
                        Events.stateChange("08:04:00").available().queue(Events.BILLING)
                                .contact("c1", "CONNECTED", "08:03:58"),
                        Events.stateChange("08:06:00").available().queue(Events.BILLING)
                                .contact("c1", "CONNECTED_ONHOLD", "08:03:58"),
                        Events.stateChange("08:07:30").available().queue(Events.BILLING)
                                .contact("c1", "CONNECTED", "08:07:29"),
                        Events.stateChange("08:09:00").available().queue(Events.BILLING)
                                .contact("c1", "ENDED", "08:08:59"),
                        Events.stateChange("08:10:00").available().queue(Events.BILLING))
                .finish("08:10:00");
        assertEquals(rows(
                "c1 init=- VOICE/INBOUND q-billing/Billing HANDLED offered=08:01 connected=08:01:18"
                        + " ended=08:08:59 completed=08:10 ring=18000 talk=313000 hold=148000x2 acw=61000"
                        + " handle=522000"), s.contactRows());
        assertEquals(rows(
                "08:00-08:15 AVAILABLE/- 60000",
                "08:00-08:15 INCOMING/- 20000",
                "08:00-08:15 ON_CONTACT/- 460000",
                "08:00-08:15 AFTER_CONTACT_WORK/- 60000"), s.activityRows());
        // Queue Billing, window 08:00 (session 08:00-08:10 = 600000 staffed):
        //   occupancy (460000 + 60000) / (460000 + 60000 + 60000) = 0.896552; agents 600000 / 900000
        assertEquals(rows(
                "08:00-08:15 q-billing/Billing staffed=600000 available=60000 onContact=460000 acw=60000"
                        + " incoming=20000 nonProductive=0 error=0 offline=0 agents=0.666667 occupancy=0.896552"
                        + " handled=1 handleSum=522000 avgHandle=522000"), s.queueRows());
    }

    @Test
    void missedErroredAndRejectedOffers() {
        //   c1 VOICE    INCOMING 08:01:00, MISSED 08:01:20, gone 08:02:00   -> MISSED,   ring 20000
        //   c2 VOICE    CONNECTING 08:05:00, ERROR 08:05:10, gone 08:05:40  -> ERROR,    ring 10000
        //   c3 CHAT     INCOMING 08:06:00, REJECTED 08:06:05, gone 08:06:30 -> REJECTED, ring 5000
        // Activity: AVAILABLE 60000 + 180000 + 20000 + 30000 = 290000, INCOMING 20000 + 10000 + 5000 = 35000,
        //           MISSED 40000, ERROR 30000, REJECTED 25000 (total 08:00-08:07 = 420000)
        Scenario s = Scenario.quiet()
                .apply(Events.login("08:00:00").available(),
                        Events.stateChange("08:01:00").available().contact("c1", "INCOMING", "08:01:00"),
                        Events.stateChange("08:01:20").available().contact("c1", "MISSED", "08:01:20"),
                        Events.stateChange("08:02:00").available(),
                        Events.stateChange("08:05:00").available().contact("c2", "CONNECTING", "08:05:00"),
                        Events.stateChange("08:05:10").available().contact("c2", "ERROR", "08:05:10"),
                        Events.stateChange("08:05:40").available(),
                        Events.stateChange("08:06:00").available().contact("c3", "INCOMING", "08:06:00")
                                .via("CHAT", "INBOUND", Events.SUPPORT),
                        Events.stateChange("08:06:05").available().contact("c3", "REJECTED", "08:06:05")
                                .via("CHAT", "INBOUND", Events.SUPPORT),
                        Events.stateChange("08:06:30").available(),
                        Events.heartBeat("08:07:00").available())
                .finish("08:07:00");
        assertEquals(rows(
                "c1 init=- VOICE/INBOUND q-billing/Billing MISSED offered=08:01 connected=- ended=-"
                        + " completed=08:02 ring=20000 talk=0 hold=0x0 acw=0 handle=0",
                "c2 init=- VOICE/INBOUND q-billing/Billing ERROR offered=08:05 connected=- ended=-"
                        + " completed=08:05:40 ring=10000 talk=0 hold=0x0 acw=0 handle=0",
                "c3 init=- CHAT/INBOUND q-support/Tech Support REJECTED offered=08:06 connected=- ended=-"
                        + " completed=08:06:30 ring=5000 talk=0 hold=0x0 acw=0 handle=0"), s.contactRows());
        assertEquals(rows(
                "08:00-08:15 AVAILABLE/- 290000",
                "08:00-08:15 INCOMING/- 35000",
                "08:00-08:15 MISSED/- 40000",
                "08:00-08:15 ERROR/- 30000",
                "08:00-08:15 REJECTED/- 25000"), s.activityRows());
    }

    @Test
    void outcomeIsTheFirstFailureReachedUnlessEverConnected() {
        //   f1 INCOMING 08:01, MISSED 08:01:10, ERROR 08:01:30, gone 08:02 -> MISSED (the first failure)
        //   f2 INCOMING 08:01, REJECTED 08:01:10, CONNECTED 08:01:30, gone 08:02 -> HANDLED (ever connected)
        Scenario s = Scenario.quiet()
                .apply(Events.login("08:00:00").available(),
                        Events.stateChange("08:01:00").available().contact("f1", "INCOMING", "08:01:00")
                                .contact("f2", "INCOMING", "08:01:00"),
                        Events.stateChange("08:01:10").available().contact("f1", "MISSED", "08:01:10")
                                .contact("f2", "REJECTED", "08:01:10"),
                        Events.stateChange("08:01:30").available().contact("f1", "ERROR", "08:01:30")
                                .contact("f2", "CONNECTED", "08:01:30"),
                        Events.stateChange("08:02:00").available())
                .finish("08:02:00");
        assertEquals(rows(
                "f1 init=- VOICE/INBOUND q-billing/Billing MISSED offered=08:01 connected=- ended=-"
                        + " completed=08:02 ring=10000 talk=0 hold=0x0 acw=0 handle=0",
                "f2 init=- VOICE/INBOUND q-billing/Billing HANDLED offered=08:01 connected=08:01:30 ended=-"
                        + " completed=08:02 ring=10000 talk=30000 hold=0x0 acw=0 handle=30000"), s.contactRows());
    }

    @Test
    void twoConcurrentChatsOneOfThemTransferred() {
        //   ch1 CHAT INBOUND Billing:  CONNECTED 08:01 (first seen connected: ring 0), ENDED 08:04, gone 08:05
        //       talk 180000, acw 60000, handle 240000
        //   ch2 CHAT TRANSFER Tech Support, InitialContactId ch0: CONNECTING 08:02, CONNECTED 08:02:10,
        //       ENDED 08:05, gone 08:05:30 -> ring 10000, talk 170000, acw 30000, handle 200000
        // Activity: AVAILABLE 08:00-08:01 + 08:05:30-08:06 = 90000; ON_CONTACT 08:01-08:05 = 240000
        //           (08:04-08:05: ch1 ENDED but ch2 CONNECTED); AFTER_CONTACT_WORK 08:05-08:05:30 = 30000
        Scenario s = Scenario.quiet()
                .apply(Events.login("08:00:00").available(),
                        Events.stateChange("08:01:00").available()
                                .contact("ch1", "CONNECTED", "08:01:00").via("CHAT", "INBOUND", Events.BILLING),
                        Events.stateChange("08:02:00").available()
                                .contact("ch1", "CONNECTED", "08:01:00").via("CHAT", "INBOUND", Events.BILLING)
                                .contact("ch2", "CONNECTING", "08:02:00").via("CHAT", "TRANSFER", Events.SUPPORT)
                                .transferredFrom("ch0"),
                        Events.stateChange("08:02:10").available()
                                .contact("ch1", "CONNECTED", "08:01:00").via("CHAT", "INBOUND", Events.BILLING)
                                .contact("ch2", "CONNECTED", "08:02:10").via("CHAT", "TRANSFER", Events.SUPPORT)
                                .transferredFrom("ch0"),
                        Events.stateChange("08:04:00").available()
                                .contact("ch1", "ENDED", "08:04:00").via("CHAT", "INBOUND", Events.BILLING)
                                .contact("ch2", "CONNECTED", "08:02:10").via("CHAT", "TRANSFER", Events.SUPPORT)
                                .transferredFrom("ch0"),
                        Events.stateChange("08:05:00").available()
                                .contact("ch2", "ENDED", "08:05:00").via("CHAT", "TRANSFER", Events.SUPPORT)
                                .transferredFrom("ch0"),
                        Events.stateChange("08:05:30").available(),
                        Events.heartBeat("08:06:00").available())
                .finish("08:06:00");
        assertEquals(rows(
                "ch1 init=- CHAT/INBOUND q-billing/Billing HANDLED offered=08:01 connected=08:01 ended=08:04"
                        + " completed=08:05 ring=0 talk=180000 hold=0x0 acw=60000 handle=240000",
                "ch2 init=ch0 CHAT/TRANSFER q-support/Tech Support HANDLED offered=08:02 connected=08:02:10"
                        + " ended=08:05 completed=08:05:30 ring=10000 talk=170000 hold=0x0 acw=30000 handle=200000"),
                s.contactRows());
        assertEquals(rows(
                "08:00-08:15 AVAILABLE/- 90000",
                "08:00-08:15 ON_CONTACT/- 240000",
                "08:00-08:15 AFTER_CONTACT_WORK/- 30000"), s.activityRows());
    }

    @Test
    void monitorLegIsReportedAndCountsForActivityButNotForQueueHandling() {
        //   m1 VOICE MONITOR Billing: CONNECTED 08:01, gone 08:03 -> HANDLED, talk 120000
        //   Agent serves Billing 08:00-08:04 (input ends): AVAILABLE 120000, ON_CONTACT 120000
        //   Billing window 08:00: staffed 240000, occupancy 120000 / 240000 = 0.5, handled 0 (MONITOR excluded)
        Scenario s = Scenario.quiet()
                .apply(Events.login("08:00:00").available().queue(Events.BILLING),
                        Events.stateChange("08:01:00").available().queue(Events.BILLING)
                                .contact("m1", "CONNECTED", "08:01:00").via("VOICE", "MONITOR", Events.BILLING),
                        Events.stateChange("08:03:00").available().queue(Events.BILLING),
                        Events.heartBeat("08:04:00").available().queue(Events.BILLING))
                .finish("08:04:00");
        assertEquals(rows(
                "m1 init=- VOICE/MONITOR q-billing/Billing HANDLED offered=08:01 connected=08:01 ended=-"
                        + " completed=08:03 ring=0 talk=120000 hold=0x0 acw=0 handle=120000"), s.contactRows());
        assertEquals(rows(
                "08:00-08:15 AVAILABLE/- 120000",
                "08:00-08:15 ON_CONTACT/- 120000"), s.activityRows());
        assertEquals(rows(
                "08:00-08:15 q-billing/Billing staffed=240000 available=120000 onContact=120000 acw=0"
                        + " incoming=0 nonProductive=0 error=0 offline=0 agents=0.266667 occupancy=0.500000"
                        + " handled=0 handleSum=0 avgHandle=null"), s.queueRows());
    }

    @Test
    void stateStartAfterTheEventOrMissingMeansTheEventTime() {
        //   08:01:00 c1 first seen CONNECTED with StateStartTimestamp 08:01:05 (after the event) -> starts 08:01:00
        //   08:02:00 c1 ENDED with StateStartTimestamp 08:02:30 (after the event)              -> starts 08:02:00
        //   08:02:40 c1 still ENDED, then c2 first seen INCOMING without StateStartTimestamp     -> starts 08:02:40
        //   08:03:00 c1 gone; c2 CONNECTED without StateStartTimestamp                           -> starts 08:03:00
        //   08:04:00 c2 gone
        //   c1: offered = connected 08:01, ended 08:02, talk 60000, acw 60000
        //   c2: offered 08:02:40, connected 08:03, ring 20000, talk 60000
        Scenario s = Scenario.quiet()
                .apply(Events.login("08:00:00").available(),
                        Events.stateChange("08:01:00").available().contact("c1", "CONNECTED", "08:01:05"),
                        Events.stateChange("08:02:00").available().contact("c1", "ENDED", "08:02:30"),
                        Events.stateChange("08:02:40").available().contact("c1", "ENDED", "08:02:30")
                                .contact("c2", "INCOMING", null),
                        Events.stateChange("08:03:00").available().contact("c2", "CONNECTED", null),
                        Events.stateChange("08:04:00").available())
                .finish("08:04:00");
        assertEquals(rows(
                "c1 init=- VOICE/INBOUND q-billing/Billing HANDLED offered=08:01 connected=08:01 ended=08:02"
                        + " completed=08:03 ring=0 talk=60000 hold=0x0 acw=60000 handle=120000",
                "c2 init=- VOICE/INBOUND q-billing/Billing HANDLED offered=08:02:40 connected=08:03 ended=-"
                        + " completed=08:04 ring=20000 talk=60000 hold=0x0 acw=0 handle=60000"), s.contactRows());
    }

    @Test
    void firstStateStartsAtItsEarlierStateStartTimestamp() {
        // "A leg's first state starts at its StateStartTimestamp if that is not after the event": c1 is first seen
        // at 08:00:00 (LOGIN) ringing since 07:59:58; CONNECTED 08:00:10 (start 08:00:08); gone 08:01:00.
        //   ring 07:59:58-08:00:08 = 10000, talk 08:00:08-08:01:00 = 52000; offered_at = the first state's start.
        Scenario s = Scenario.quiet()
                .apply(Events.login("08:00:00").available().contact("c1", "INCOMING", "07:59:58"),
                        Events.stateChange("08:00:10").available().contact("c1", "CONNECTED", "08:00:08"),
                        Events.stateChange("08:01:00").available())
                .finish("08:01:00");
        assertEquals(rows(
                "c1 init=- VOICE/INBOUND q-billing/Billing HANDLED offered=07:59:58 connected=08:00:08 ended=-"
                        + " completed=08:01 ring=10000 talk=52000 hold=0x0 acw=0 handle=52000"), s.contactRows());
        // Activity only inside the session: INCOMING 08:00:00-08:00:10, ON_CONTACT 08:00:10-08:01:00.
        assertEquals(rows(
                "08:00-08:15 INCOMING/- 10000",
                "08:00-08:15 ON_CONTACT/- 50000"), s.activityRows());
    }

    @Test
    void pausedTimeCountsInNoDuration() {
        //   t1 TASK API Billing: CONNECTED 08:00, PAUSED 08:02, CONNECTED 08:05, ENDED 08:06, gone 08:07
        //   talk 120000 + 60000 = 180000, paused 180000 counted nowhere, acw 60000, handle 240000
        //   Activity: PAUSED is ON_CONTACT -> ON_CONTACT 08:00-08:06 = 360000, AFTER_CONTACT_WORK 60000
        Scenario s = Scenario.quiet()
                .apply(Events.login("08:00:00").available().contact("t1", "CONNECTED", "08:00:00")
                                .via("TASK", "API", Events.BILLING),
                        Events.stateChange("08:02:00").available().contact("t1", "PAUSED", "08:02:00")
                                .via("TASK", "API", Events.BILLING),
                        Events.stateChange("08:05:00").available().contact("t1", "CONNECTED", "08:05:00")
                                .via("TASK", "API", Events.BILLING),
                        Events.stateChange("08:06:00").available().contact("t1", "ENDED", "08:06:00")
                                .via("TASK", "API", Events.BILLING),
                        Events.stateChange("08:07:00").available())
                .finish("08:07:00");
        assertEquals(rows(
                "t1 init=- TASK/API q-billing/Billing HANDLED offered=08:00 connected=08:00 ended=08:06"
                        + " completed=08:07 ring=0 talk=180000 hold=0x0 acw=60000 handle=240000"), s.contactRows());
        assertEquals(rows(
                "08:00-08:15 ON_CONTACT/- 360000",
                "08:00-08:15 AFTER_CONTACT_WORK/- 60000"), s.activityRows());
        assertEquals(List.of(), s.alertRows());
    }

    @Test
    void legAttributesComeFromTheLatestSnapshotListingIt() {
        //   c1 offered via Billing as INBOUND VOICE at 08:01; at 08:02 the snapshot shows it as a Tech Support
        //   TRANSFER with InitialContactId c0 -> the row carries the latest attributes.
        Scenario s = Scenario.quiet()
                .apply(Events.login("08:00:00").available(),
                        Events.stateChange("08:01:00").available().contact("c1", "CONNECTED", "08:01:00"),
                        Events.stateChange("08:02:00").available().contact("c1", "CONNECTED", "08:01:00")
                                .via("VOICE", "TRANSFER", Events.SUPPORT).transferredFrom("c0"),
                        Events.stateChange("08:03:00").available())
                .finish("08:03:00");
        assertEquals(rows(
                "c1 init=c0 VOICE/TRANSFER q-support/Tech Support HANDLED offered=08:01 connected=08:01 ended=-"
                        + " completed=08:03 ring=0 talk=120000 hold=0x0 acw=0 handle=120000"), s.contactRows());
    }
}
