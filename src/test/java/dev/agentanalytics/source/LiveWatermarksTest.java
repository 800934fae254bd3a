package dev.agentanalytics.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.agentanalytics.event.AgentEvent;
import dev.agentanalytics.output.DeadLetterRow;
import dev.agentanalytics.parse.ParsedRecord;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.junit.jupiter.api.Test;

/** Watermarks of a live shard, driven by a hand-moved wall clock. */
class LiveWatermarksTest {
    private long now = 1_000_000;
    private final LiveWatermarks.WallClock clock = () -> now;

    private static ParsedRecord event(long eventTime) {
        AgentEvent event = new AgentEvent();
        event.eventTime = eventTime;
        return ParsedRecord.valid(event);
    }

    private static long value(Watermark watermark) {
        return watermark.getTimestamp();
    }

    @Test
    void whileRecordsFlowTheWatermarkTrailsTheNewestEventByTheBound() {
        LiveWatermarks watermarks = new LiveWatermarks(5_000, true, clock);
        assertNull(watermarks.getCurrentWatermark(), "nothing to say before the first event");
        watermarks.extractTimestamp(event(50_000), 0);
        watermarks.extractTimestamp(event(40_000), 0); // older: does not move it back
        assertEquals(44_999, value(watermarks.getCurrentWatermark()));
        now += 5_000; // a pause of exactly the bound is not silence yet
        assertNull(watermarks.getCurrentWatermark(), "no progress, nothing new");
    }

    @Test
    void aSilentShardFollowsTheWallClockOnceSilentForLongerThanTheBound() {
        LiveWatermarks watermarks = new LiveWatermarks(5_000, true, clock);
        watermarks.extractTimestamp(event(50_000), 0);
        assertEquals(44_999, value(watermarks.getCurrentWatermark()));
        now += 5_001;
        assertEquals(50_000 + 5_001 - LiveWatermarks.SILENT_LAG_MS - 1, value(watermarks.getCurrentWatermark()));
        now += 300_000;
        assertEquals(50_000 + 305_001 - LiveWatermarks.SILENT_LAG_MS - 1, value(watermarks.getCurrentWatermark()));
        watermarks.extractTimestamp(event(360_000), 0); // the stream speaks again
        assertEquals(354_999, value(watermarks.getCurrentWatermark()));
    }

    @Test
    void withoutWallClockProgressASilentShardStaysWhereItWas() {
        LiveWatermarks watermarks = new LiveWatermarks(5_000, false, clock);
        watermarks.extractTimestamp(event(50_000), 0);
        assertEquals(44_999, value(watermarks.getCurrentWatermark()));
        now += 3_600_000;
        assertNull(watermarks.getCurrentWatermark());
    }

    @Test
    void deadLettersNeitherMoveTheWatermarkNorBreakTheSilence() {
        LiveWatermarks watermarks = new LiveWatermarks(5_000, true, clock);
        watermarks.extractTimestamp(event(50_000), 0);
        now += 10_000;
        watermarks.extractTimestamp(ParsedRecord.invalid(new DeadLetterRow(now, "not JSON", "x", "utf-8")), 0);
        assertEquals(50_000 + 10_000 - LiveWatermarks.SILENT_LAG_MS - 1, value(watermarks.getCurrentWatermark()));
    }
}
