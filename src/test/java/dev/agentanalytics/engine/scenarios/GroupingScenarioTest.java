package dev.agentanalytics.engine.scenarios;

import static dev.agentanalytics.engine.scenarios.Scenario.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.agentanalytics.testing.Events;
import org.junit.jupiter.api.Test;

/**
 * docs/analytics.md §4.1-§4.3 and §4.5: rows carry the routing profile and the hierarchy the agent had when the time
 * was spent; an agent who moves inside a window has a row for each; a leg carries those of the latest snapshot that
 * listed it; an alert those of the agent during the silence.
 */
class GroupingScenarioTest {
    private static final String[] TEAM_A = {"EMEA", "Dublin", "Team A"};
    private static final String[] TEAM_B = {"EMEA", "Dublin", "Team B"};

    @Test
    void anAgentWhoMovesToAnotherTeamInsideAWindowHasARowForEach() {
        //   08:00 LOGIN Available, profile Voice, Team A
        //   08:05 moved to Team B (still Available)
        //   08:10 Break, Team B; 08:12 routing profile Chat, Break; input ends 08:15
        Scenario s = Scenario.quiet()
                .apply(Events.login("08:00:00").available().grouping("Voice", TEAM_A),
                        Events.stateChange("08:05:00").available().grouping("Voice", TEAM_B),
                        Events.stateChange("08:10:00").status("Break", "CUSTOM").grouping("Voice", TEAM_B),
                        Events.stateChange("08:12:00").status("Break", "CUSTOM").grouping("Chat", TEAM_B),
                        Events.heartBeat("08:15:00").status("Break", "CUSTOM").grouping("Chat", TEAM_B))
                .finish("08:15:00");
        assertEquals(rows(
                "08:00-08:15 Available/ROUTABLE [Voice|EMEA|Dublin|Team A|-|-] 300000",
                "08:00-08:15 Available/ROUTABLE [Voice|EMEA|Dublin|Team B|-|-] 300000",
                "08:00-08:15 Break/CUSTOM [Voice|EMEA|Dublin|Team B|-|-] 120000",
                "08:00-08:15 Break/CUSTOM [Chat|EMEA|Dublin|Team B|-|-] 180000"), s.statusRows());
        assertEquals(rows(
                "08:00-08:15 AVAILABLE/- [Voice|EMEA|Dublin|Team A|-|-] 300000",
                "08:00-08:15 AVAILABLE/- [Voice|EMEA|Dublin|Team B|-|-] 300000",
                "08:00-08:15 NON_PRODUCTIVE/Break [Voice|EMEA|Dublin|Team B|-|-] 120000",
                "08:00-08:15 NON_PRODUCTIVE/Break [Chat|EMEA|Dublin|Team B|-|-] 180000"), s.activityRows());
    }

    @Test
    void aLegCarriesTheGroupingOfTheLatestSnapshotThatListedIt() {
        //   08:00 LOGIN, Team A; 08:01 c1 CONNECTED (Team A); 08:03 moved to Team B, c1 still CONNECTED
        //   08:06 c1 no longer listed, and the agent is already in Team C: the leg keeps Team B
        Scenario s = Scenario.quiet()
                .apply(Events.login("08:00:00").available().grouping("Voice", TEAM_A),
                        Events.stateChange("08:01:00").available().grouping("Voice", TEAM_A)
                                .contact("c1", "CONNECTED", "08:01:00"),
                        Events.stateChange("08:03:00").available().grouping("Voice", TEAM_B)
                                .contact("c1", "CONNECTED", "08:01:00"),
                        Events.stateChange("08:06:00").available().grouping("Voice", "EMEA", "Dublin", "Team C"))
                .finish("08:06:00");
        assertEquals(rows(
                "c1 init=- VOICE/INBOUND q-billing/Billing HANDLED offered=08:01 connected=08:01 ended=-"
                        + " completed=08:06 ring=0 talk=300000 hold=0x0 acw=0 handle=300000"
                        + " [Voice|EMEA|Dublin|Team B|-|-]"), s.contactRows());
    }

    @Test
    void aStaleAlertCarriesTheGroupingOfTheSilence() {
        // Team A until 08:02, then silence: AGENT_STALE at 08:07 in Team A. The heart beat that ends the silence,
        // 08:09, comes from Team B: AGENT_RECOVERED still describes the agent during the silence (Team A).
        Scenario s = Scenario.of()
                .apply(Events.login("08:00:00").available().grouping("Voice", TEAM_A),
                        Events.heartBeat("08:02:00").available().grouping("Voice", TEAM_A),
                        Events.heartBeat("08:09:00").available().grouping("Voice", TEAM_B))
                .finish("08:09:00");
        assertEquals(rows(
                "AGENT_STALE contact=- detected=08:07 last=08:02 silence=300000 status=Available open=0"
                        + " [Voice|EMEA|Dublin|Team A|-|-]",
                "AGENT_RECOVERED contact=- detected=08:09 last=08:02 silence=420000 status=Available open=0"
                        + " [Voice|EMEA|Dublin|Team A|-|-]"), s.alertRows());
    }
}
