package dev.agentanalytics.engine.scenarios;

import static dev.agentanalytics.engine.scenarios.Scenario.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.agentanalytics.event.ServedQueue;
import dev.agentanalytics.testing.Events;
import org.junit.jupiter.api.Test;

/**
 * docs/analytics.md §4.4: queue_metrics rows built from the agents' per-window shares (summed with QueueShare.add and
 * turned into rows by QueueMetricsFunction.toRow; only rows with staffed_ms > 0).
 */
class QueueScenarioTest {
    private static final long WINDOW_15M = 900_000;

    @Test
    void routingProfileChangeInsideAWindowMovesTheAgentToTheNewQueues() {
        //   08:10 LOGIN Available, profile serves Billing
        //   08:20 profile changed: serves Tech Support only
        //   08:25 Lunch (CUSTOM); the Tech Support queue is now named "Tech Support EU" (same ARN)
        //   08:27 LOGOUT, input ends
        //   Billing 08:00-08:15: available 08:10-08:15 300000
        //   Billing 08:15-08:30: available 08:15-08:20 300000
        //   Support 08:15-08:30: available 08:20-08:25 300000 + non-productive 08:25-08:27 120000 = 420000,
        //                        name of the latest served interval: "Tech Support EU"; occupancy 0 / 300000 = 0
        ServedQueue renamed = new ServedQueue(Events.SUPPORT.arn, "Tech Support EU");
        Scenario s = Scenario.quiet()
                .apply(Events.login("08:10:00").available().queue(Events.BILLING),
                        Events.stateChange("08:20:00").available().queue(Events.SUPPORT),
                        Events.stateChange("08:25:00").status("Lunch", "CUSTOM").queue(renamed),
                        Events.logout("08:27:00"))
                .finish("08:27:00");
        assertEquals(rows(
                "08:00-08:15 q-billing/Billing staffed=300000 available=300000 onContact=0 acw=0 incoming=0"
                        + " nonProductive=0 error=0 offline=0 agents=0.333333 occupancy=0.000000 handled=0"
                        + " handleSum=0 avgHandle=null",
                "08:15-08:30 q-billing/Billing staffed=300000 available=300000 onContact=0 acw=0 incoming=0"
                        + " nonProductive=0 error=0 offline=0 agents=0.333333 occupancy=0.000000 handled=0"
                        + " handleSum=0 avgHandle=null",
                "08:15-08:30 q-support/Tech Support EU staffed=420000 available=300000 onContact=0 acw=0"
                        + " incoming=0 nonProductive=120000 error=0 offline=0 agents=0.466667 occupancy=0.000000"
                        + " handled=0 handleSum=0 avgHandle=null"), s.queueRows());
    }

    @Test
    void twoAgentsSharingAQueueAddUp() {
        // Agent alex (A) and agent sam (B) both serve Billing; the input ends at 08:20.
        //   A: LOGIN 08:00; c1 CONNECTED 08:02, ENDED 08:06, gone 08:07 (talk 240000, acw 60000, handle 300000);
        //      LOGOUT 08:10.  Window 08:00: available 120000 + 180000, on contact 240000, acw 60000.
        //   B: LOGIN 08:05; c2 CONNECTED 08:08, ENDED 08:14, gone 08:16 (talk 360000, acw 120000, handle 480000);
        //      LOGOUT 08:20.  Window 08:00: available 180000, on contact 360000, acw 60000.
        //                     Window 08:15: acw 60000, available 240000; c2 completed 08:16 -> handled here.
        //   Billing 08:00: staffed 1200000 = 480000 + 600000 + 120000, agents 1200000 / 900000 = 1.333333,
        //                  occupancy 720000 / 1200000 = 0.6, handled 1 (c1), avg 300000
        //   Billing 08:15: staffed 300000, agents 0.333333, occupancy 60000 / 300000 = 0.2, handled 1 (c2), 480000
        Scenario a = Scenario.quiet()
                .apply(Events.login("08:00:00").available().queue(Events.BILLING),
                        Events.stateChange("08:02:00").available().queue(Events.BILLING)
                                .contact("c1", "CONNECTED", "08:02:00"),
                        Events.stateChange("08:06:00").available().queue(Events.BILLING)
                                .contact("c1", "ENDED", "08:06:00"),
                        Events.stateChange("08:07:00").available().queue(Events.BILLING),
                        Events.logout("08:10:00"))
                .finish("08:20:00");
        Scenario b = Scenario.forAgent(Events.AGENT_2, "sam", Scenario.QUIET)
                .apply(sam(Events.login("08:05:00").available().queue(Events.BILLING)),
                        sam(Events.stateChange("08:08:00").available().queue(Events.BILLING)
                                .contact("c2", "CONNECTED", "08:08:00")),
                        sam(Events.stateChange("08:14:00").available().queue(Events.BILLING)
                                .contact("c2", "ENDED", "08:14:00")),
                        sam(Events.stateChange("08:16:00").available().queue(Events.BILLING)),
                        sam(Events.logout("08:20:00")))
                .finish("08:20:00");
        assertEquals(rows(
                "c1 init=- VOICE/INBOUND q-billing/Billing HANDLED offered=08:02 connected=08:02 ended=08:06"
                        + " completed=08:07 ring=0 talk=240000 hold=0x0 acw=60000 handle=300000"), a.contactRows());
        assertEquals(rows(
                "c2 init=- VOICE/INBOUND q-billing/Billing HANDLED offered=08:08 connected=08:08 ended=08:14"
                        + " completed=08:16 ring=0 talk=360000 hold=0x0 acw=120000 handle=480000"), b.contactRows());
        assertEquals(rows(
                "08:00-08:15 q-billing/Billing staffed=1200000 available=480000 onContact=600000 acw=120000"
                        + " incoming=0 nonProductive=0 error=0 offline=0 agents=1.333333 occupancy=0.600000"
                        + " handled=1 handleSum=300000 avgHandle=300000",
                "08:15-08:30 q-billing/Billing staffed=300000 available=240000 onContact=0 acw=60000"
                        + " incoming=0 nonProductive=0 error=0 offline=0 agents=0.333333 occupancy=0.200000"
                        + " handled=1 handleSum=480000 avgHandle=480000"), Scenario.queueRows(WINDOW_15M, a, b));
    }

    @Test
    void averageHandleTimeIsRoundedHalfUp() {
        //   c1 CONNECTED 08:01:00, gone 08:02:40      -> handle 100000
        //   c2 CONNECTED 08:03:00, gone 08:04:40.001  -> handle 100001
        //   avg = 200001 / 2 = 100000.5 -> 100001; on contact 200001, available 300000 - 200001 = 99999
        Scenario s = Scenario.quiet()
                .apply(Events.login("08:00:00").available().queue(Events.BILLING),
                        Events.stateChange("08:01:00").available().queue(Events.BILLING)
                                .contact("c1", "CONNECTED", "08:01:00"),
                        Events.stateChange("08:02:40").available().queue(Events.BILLING),
                        Events.stateChange("08:03:00").available().queue(Events.BILLING)
                                .contact("c2", "CONNECTED", "08:03:00"),
                        Events.stateChange("08:04:40.001").available().queue(Events.BILLING),
                        Events.heartBeat("08:05:00").available().queue(Events.BILLING))
                .finish("08:05:00");
        assertEquals(rows(
                "08:00-08:15 q-billing/Billing staffed=300000 available=99999 onContact=200001 acw=0 incoming=0"
                        + " nonProductive=0 error=0 offline=0 agents=0.333333 occupancy=0.666670 handled=2"
                        + " handleSum=200001 avgHandle=100001"), s.queueRows());
    }

    @Test
    void everyActivityLandsInItsColumn() {
        // One minute each while serving Billing:
        //   08:00 AVAILABLE, 08:01 c1 INCOMING, 08:02 c1 CONNECTED, 08:03 c1 ENDED,
        //   08:04 c2 MISSED, 08:05 c3 REJECTED, 08:06 c4 ERROR (error_ms = 3 minutes),
        //   08:07 Lunch (CUSTOM) non-productive, 08:08 Offline (OFFLINE) offline, 08:09 LOGOUT.
        //   staffed 540000, agents 0.6, occupancy (60000 + 60000) / (60000 + 60000 + 60000) = 0.666667,
        //   handled 1: c1 completed 08:04, talk 60000 + acw 60000 = 120000
        Scenario s = Scenario.quiet()
                .apply(Events.login("08:00:00").available().queue(Events.BILLING),
                        Events.stateChange("08:01:00").available().queue(Events.BILLING)
                                .contact("c1", "INCOMING", "08:01:00"),
                        Events.stateChange("08:02:00").available().queue(Events.BILLING)
                                .contact("c1", "CONNECTED", "08:02:00"),
                        Events.stateChange("08:03:00").available().queue(Events.BILLING)
                                .contact("c1", "ENDED", "08:03:00"),
                        Events.stateChange("08:04:00").available().queue(Events.BILLING)
                                .contact("c2", "MISSED", "08:04:00"),
                        Events.stateChange("08:05:00").available().queue(Events.BILLING)
                                .contact("c3", "REJECTED", "08:05:00"),
                        Events.stateChange("08:06:00").available().queue(Events.BILLING)
                                .contact("c4", "ERROR", "08:06:00"),
                        Events.stateChange("08:07:00").status("Lunch", "CUSTOM").queue(Events.BILLING),
                        Events.stateChange("08:08:00").status("Offline", "OFFLINE").queue(Events.BILLING),
                        Events.logout("08:09:00"))
                .finish("08:09:00");
        assertEquals(rows(
                "08:00-08:15 q-billing/Billing staffed=540000 available=60000 onContact=60000 acw=60000"
                        + " incoming=60000 nonProductive=60000 error=180000 offline=60000 agents=0.600000"
                        + " occupancy=0.666667 handled=1 handleSum=120000 avgHandle=120000"), s.queueRows());
    }

    @Test
    void handledContactsCountInTheWindowOfCompletionForTheContactsQueue() {
        // Agent alex serves Billing only; agent sam serves Tech Support only; the input ends at 08:20.
        //   alex: LOGIN 08:10; c1 (VOICE TRANSFER, queue Tech Support) CONNECTED 08:12, ENDED 08:14;
        //         m1 (VOICE MONITOR, Billing) CONNECTED 08:14; both gone 08:16; LOGOUT 08:18.
        //         Activity: AVAILABLE 08:10-08:12, ON_CONTACT 08:12-08:16 (m1 CONNECTED beats c1 ENDED),
        //         AVAILABLE 08:16-08:18.
        //         c1 completed 08:16 -> handled in Tech Support, window 08:15 (talk 120000 + acw 120000).
        //         m1 is MONITOR -> not counted in Billing.
        //   sam:  LOGIN 08:00 Available serving Tech Support, LOGOUT 08:20.
        //   Billing 08:00: available 120000, on contact 180000 (08:12-08:15) -> occupancy 0.6, handled 0
        //   Billing 08:15: on contact 60000, available 120000 -> occupancy 1/3, handled 0
        //   Support 08:00: available 900000 (sam); Support 08:15: available 300000, handled 1 (alex's c1) 240000
        Scenario alex = Scenario.quiet()
                .apply(Events.login("08:10:00").available().queue(Events.BILLING),
                        Events.stateChange("08:12:00").available().queue(Events.BILLING)
                                .contact("c1", "CONNECTED", "08:12:00").via("VOICE", "TRANSFER", Events.SUPPORT),
                        Events.stateChange("08:14:00").available().queue(Events.BILLING)
                                .contact("c1", "ENDED", "08:14:00").via("VOICE", "TRANSFER", Events.SUPPORT)
                                .contact("m1", "CONNECTED", "08:14:00").via("VOICE", "MONITOR", Events.BILLING),
                        Events.stateChange("08:16:00").available().queue(Events.BILLING),
                        Events.logout("08:18:00"))
                .finish("08:20:00");
        Scenario sam = Scenario.forAgent(Events.AGENT_2, "sam", Scenario.QUIET)
                .apply(sam(Events.login("08:00:00").available().queue(Events.SUPPORT)),
                        sam(Events.logout("08:20:00")))
                .finish("08:20:00");
        assertEquals(rows(
                "c1 init=- VOICE/TRANSFER q-support/Tech Support HANDLED offered=08:12 connected=08:12 ended=08:14"
                        + " completed=08:16 ring=0 talk=120000 hold=0x0 acw=120000 handle=240000",
                "m1 init=- VOICE/MONITOR q-billing/Billing HANDLED offered=08:14 connected=08:14 ended=-"
                        + " completed=08:16 ring=0 talk=120000 hold=0x0 acw=0 handle=120000"), alex.contactRows());
        assertEquals(rows(
                "08:00-08:15 q-billing/Billing staffed=300000 available=120000 onContact=180000 acw=0 incoming=0"
                        + " nonProductive=0 error=0 offline=0 agents=0.333333 occupancy=0.600000 handled=0"
                        + " handleSum=0 avgHandle=null",
                "08:15-08:30 q-billing/Billing staffed=180000 available=120000 onContact=60000 acw=0 incoming=0"
                        + " nonProductive=0 error=0 offline=0 agents=0.200000 occupancy=0.333333 handled=0"
                        + " handleSum=0 avgHandle=null",
                "08:00-08:15 q-support/Tech Support staffed=900000 available=900000 onContact=0 acw=0 incoming=0"
                        + " nonProductive=0 error=0 offline=0 agents=1.000000 occupancy=0.000000 handled=0"
                        + " handleSum=0 avgHandle=null",
                "08:15-08:30 q-support/Tech Support staffed=300000 available=300000 onContact=0 acw=0 incoming=0"
                        + " nonProductive=0 error=0 offline=0 agents=0.333333 occupancy=0.000000 handled=1"
                        + " handleSum=240000 avgHandle=240000"), Scenario.queueRows(WINDOW_15M, alex, sam));
    }

    @Test
    void aHandledContactOfAQueueNobodyServesWritesNoQueueRow() {
        // alex serves Billing; c1 of Tech Support handled 08:01-08:02; nobody serves Tech Support: staffed 0 there,
        // so only the Billing row (no handled contact) is written.
        Scenario s = Scenario.quiet()
                .apply(Events.login("08:00:00").available().queue(Events.BILLING),
                        Events.stateChange("08:01:00").available().queue(Events.BILLING)
                                .contact("c1", "CONNECTED", "08:01:00").via("VOICE", "INBOUND", Events.SUPPORT),
                        Events.stateChange("08:02:00").available().queue(Events.BILLING),
                        Events.heartBeat("08:03:00").available().queue(Events.BILLING))
                .finish("08:03:00");
        assertEquals(rows(
                "08:00-08:15 q-billing/Billing staffed=180000 available=120000 onContact=60000 acw=0 incoming=0"
                        + " nonProductive=0 error=0 offline=0 agents=0.200000 occupancy=0.333333 handled=0"
                        + " handleSum=0 avgHandle=null"), s.queueRows());
    }

    @Test
    void aContactCompletedExactlyAtAWindowBoundaryCountsInTheNextWindow() {
        //   08:10 LOGIN Available (Billing); c1 CONNECTED 08:12; c1 gone 08:15:00.000 -> completed_at 08:15,
        //   so it is handled in window 08:15-08:30 (a window is [start, start + length)). Heart beat 08:16, end.
        //   Billing 08:00: available 120000, on contact 180000; 08:15: available 60000, handled 1 (180000)
        Scenario s = Scenario.quiet()
                .apply(Events.login("08:10:00").available().queue(Events.BILLING),
                        Events.stateChange("08:12:00").available().queue(Events.BILLING)
                                .contact("c1", "CONNECTED", "08:12:00"),
                        Events.stateChange("08:15:00").available().queue(Events.BILLING),
                        Events.heartBeat("08:16:00").available().queue(Events.BILLING))
                .finish("08:16:00");
        assertEquals(rows(
                "08:00-08:15 q-billing/Billing staffed=300000 available=120000 onContact=180000 acw=0 incoming=0"
                        + " nonProductive=0 error=0 offline=0 agents=0.333333 occupancy=0.600000 handled=0"
                        + " handleSum=0 avgHandle=null",
                "08:15-08:30 q-billing/Billing staffed=60000 available=60000 onContact=0 acw=0 incoming=0"
                        + " nonProductive=0 error=0 offline=0 agents=0.066667 occupancy=0.000000 handled=1"
                        + " handleSum=180000 avgHandle=180000"), s.queueRows());
    }

    @Test
    void queueNameIsTheNameInTheLatestServedIntervalAcrossAgents() {
        // alex serves Tech Support (named "Tech Support") 08:00-08:10; sam serves the same ARN named
        // "Tech Support EU" 08:00-08:05. The latest served interval of the window (ends 08:10) is alex's.
        ServedQueue renamed = new ServedQueue(Events.SUPPORT.arn, "Tech Support EU");
        Scenario alex = Scenario.quiet()
                .apply(Events.login("08:00:00").available().queue(Events.SUPPORT), Events.logout("08:10:00"))
                .finish("08:10:00");
        Scenario sam = Scenario.forAgent(Events.AGENT_2, "sam", Scenario.QUIET)
                .apply(sam(Events.login("08:00:00").available().queue(renamed)), sam(Events.logout("08:05:00")))
                .finish("08:10:00");
        assertEquals(rows(
                "08:00-08:15 q-support/Tech Support staffed=900000 available=900000 onContact=0 acw=0 incoming=0"
                        + " nonProductive=0 error=0 offline=0 agents=1.000000 occupancy=0.000000 handled=0"
                        + " handleSum=0 avgHandle=null"), Scenario.queueRows(WINDOW_15M, sam, alex));
        assertEquals(Scenario.queueRows(WINDOW_15M, sam, alex), Scenario.queueRows(WINDOW_15M, alex, sam));
    }

    private static Events sam(Events event) {
        return event.agent(Events.AGENT_2).username("sam");
    }
}
