package dev.agentanalytics.engine;

import static dev.agentanalytics.testing.Events.at;
import static dev.agentanalytics.testing.Events.iso;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.agentanalytics.config.JobConfig.EngineSettings;
import dev.agentanalytics.testing.CollectingOutput;
import dev.agentanalytics.testing.Events;
import org.junit.jupiter.api.Test;

class AgentTimelineSmokeTest {
    @Test
    void statusSpanningTwoWindowsIsCutAtTheBoundary() {
        CollectingOutput out = new CollectingOutput();
        AgentTimeline timeline = new AgentTimeline(EngineSettings.defaults(), new AgentState(), out);
        timeline.apply(Events.login("08:10:00").available().build());
        timeline.apply(Events.logout("08:20:00").build());
        timeline.advanceTo(at("08:30:00"));
        assertEquals(2, out.statuses.size());
        assertEquals(iso("08:00:00"), out.statuses.get(0).windowStart);
        assertEquals(300_000, out.statuses.get(0).durationMs);
        assertEquals(iso("08:15:00"), out.statuses.get(1).windowStart);
        assertEquals(300_000, out.statuses.get(1).durationMs);
    }
}
