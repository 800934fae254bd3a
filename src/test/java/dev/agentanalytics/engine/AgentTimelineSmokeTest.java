package dev.agentanalytics.engine;

import static dev.agentanalytics.testing.Events.at;
import static dev.agentanalytics.testing.Events.iso;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.agentanalytics.config.JobConfig;
import dev.agentanalytics.config.JobConfig.EngineSettings;
import dev.agentanalytics.testing.CollectingOutput;
import dev.agentanalytics.testing.Events;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AgentTimelineSmokeTest {
    @Test
    void oneDayWindowsWithAUtcOffsetFollowTheLocalDay() {
        CollectingOutput out = new CollectingOutput();
        EngineSettings indiaDays = JobConfig.fromMap(Map.of("window", "1d", "window-offset", "+05:30",
                "session-timeout", "7d", "stale-after", "1d")).engine;
        AgentTimeline timeline = new AgentTimeline(indiaDays, Events.AGENT, new AgentState(), out);
        timeline.apply(Events.login("18:00:00").available().build()); // 23:30 in India
        timeline.apply(Events.logout("19:00:00").build()); // 00:30 the next day in India
        timeline.advanceTo(at("23:59:59"));
        timeline.finish(at("23:59:59"));
        assertEquals(2, out.statuses.size());
        // Local midnight in India is 18:30 UTC: the hour is cut there.
        assertEquals("2024-05-05T18:30:00.000Z", out.statuses.get(0).windowStart);
        assertEquals(iso("18:30:00"), out.statuses.get(0).windowEnd);
        assertEquals(1_800_000, out.statuses.get(0).durationMs);
        assertEquals(iso("18:30:00"), out.statuses.get(1).windowStart);
        assertEquals(1_800_000, out.statuses.get(1).durationMs);
    }

    @Test
    void statusSpanningTwoWindowsIsCutAtTheBoundary() {
        CollectingOutput out = new CollectingOutput();
        AgentTimeline timeline = new AgentTimeline(EngineSettings.defaults(), Events.AGENT, new AgentState(), out);
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
