package dev.agentanalytics.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentanalytics.event.AgentEvent;
import dev.agentanalytics.output.DeadLetterRow;
import dev.agentanalytics.parse.ParsedRecord;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.junit.jupiter.api.Test;

/** Watermarks of a live source subtask, driven by a hand-moved wall clock. */
class LiveWatermarksTest {
    private static final long BOUND = 5_000;
    private static final long IDLENESS = 30_000;
    private static final long START = 1_714_982_400_000L; // the wall clock when the subtask starts

    private long now = START;
    private final Output output = new Output();

    /** Records what the generator says. */
    private static final class Output implements WatermarkOutput {
        long watermark = Long.MIN_VALUE;
        boolean idle;

        @Override
        public void emitWatermark(Watermark watermark) {
            this.watermark = watermark.getTimestamp();
            idle = false;
        }

        @Override
        public void markIdle() {
            idle = true;
        }

        @Override
        public void markActive() {
            idle = false;
        }
    }

    private LiveWatermarks generator(boolean followWallClock) {
        return new LiveWatermarks(BOUND, IDLENESS, followWallClock, () -> now);
    }

    private void event(LiveWatermarks watermarks, String shard, long eventTime) {
        AgentEvent event = new AgentEvent();
        event.eventTime = eventTime;
        ParsedRecord record = ParsedRecord.valid(event);
        record.origin = shard;
        watermarks.onEvent(record, eventTime, output);
    }

    @Test
    void nothingIsEmittedDuringStartUpSoThatEveryShardGetsToSpeak() {
        LiveWatermarks watermarks = generator(true);
        event(watermarks, "shard-1", START - 3_600_000); // a backlog: an hour old
        now += IDLENESS - 1;
        watermarks.onPeriodicEmit(output);
        assertEquals(Long.MIN_VALUE, output.watermark);
        event(watermarks, "shard-2", START - 7_200_000); // its first record comes late in start-up
        now += 1;
        watermarks.onPeriodicEmit(output);
        assertEquals(START - 7_200_000 - BOUND - 1, output.watermark, "the slower shard holds the watermark");
    }

    @Test
    void theWatermarkIsTheMinimumOverShardsOfNewestMinusTheBound() {
        LiveWatermarks watermarks = generator(true);
        now += IDLENESS;
        event(watermarks, "shard-1", now - 1_000);
        event(watermarks, "shard-2", now - 60_000);
        event(watermarks, "shard-2", now - 50_000);
        event(watermarks, "shard-2", now - 70_000); // older: does not move its shard back
        watermarks.onPeriodicEmit(output);
        assertEquals(now - 50_000 - BOUND - 1, output.watermark);
    }

    @Test
    void aSilentLiveStreamFollowsTheWallClock() {
        LiveWatermarks watermarks = generator(true);
        now += IDLENESS;
        event(watermarks, "shard-1", now - 800); // live: arrived 0.8 s after its event time
        long newest = now - 800;
        now += BOUND; // a pause of exactly the bound is not silence yet
        watermarks.onPeriodicEmit(output);
        assertEquals(newest - BOUND - 1, output.watermark);
        now += 300_000;
        watermarks.onPeriodicEmit(output);
        assertEquals(newest + BOUND + 300_000 - LiveWatermarks.SILENT_LAG_MS - 1, output.watermark);
    }

    @Test
    void oldEventsDoNotFollowTheWallClockAndAnExhaustedShardLetsGo() {
        LiveWatermarks watermarks = generator(true);
        now += IDLENESS;
        event(watermarks, "shard-1", START - 86_400_000); // yesterday's events replayed through Kinesis
        now += 10_000;
        watermarks.onPeriodicEmit(output);
        assertEquals(START - 86_400_000 - BOUND - 1, output.watermark, "silent, but not live: it stays");
        assertFalse(output.idle, "within the idleness timeout it still holds time back");
        now += IDLENESS;
        watermarks.onPeriodicEmit(output);
        assertEquals(START - 86_400_000 - BOUND - 1, output.watermark, "its watermark never goes back");
        assertTrue(output.idle, "exhausted (read to its end, or closed): it holds nobody back");
        event(watermarks, "shard-2", START - 86_000_000); // a child shard handed to this subtask
        watermarks.onPeriodicEmit(output);
        assertEquals(START - 86_000_000 - BOUND - 1, output.watermark);
    }

    @Test
    void aShardClosedByAReshardDoesNotFreezeEventTime() {
        LiveWatermarks watermarks = generator(false);
        now += IDLENESS;
        event(watermarks, "parent", START - 3_600_000); // replayed: not live
        event(watermarks, "child", START - 3_600_000);
        for (int step = 1; step <= 10; step++) { // the parent is closed; its child goes on
            now += IDLENESS / 4;
            event(watermarks, "child", START - 3_600_000 + step * 60_000);
            watermarks.onPeriodicEmit(output);
        }
        assertEquals(START - 3_600_000 + 600_000 - BOUND - 1, output.watermark);
    }

    @Test
    void withoutWallClockProgressASilentLiveStreamStaysWhereItWas() {
        LiveWatermarks watermarks = generator(false);
        now += IDLENESS;
        event(watermarks, "shard-1", now);
        long newest = now;
        now += 10_000;
        watermarks.onPeriodicEmit(output);
        assertEquals(newest - BOUND - 1, output.watermark);
    }

    @Test
    void aSubtaskWithoutShardsIsIdleAfterStartUpAndDeadLettersSayNothing() {
        LiveWatermarks watermarks = generator(true);
        ParsedRecord dead = ParsedRecord.invalid(DeadLetterRow.of(now, "not JSON", new byte[] {'x'}, 1, true));
        watermarks.onEvent(dead, Long.MIN_VALUE, output);
        watermarks.onPeriodicEmit(output);
        assertFalse(output.idle, "start-up: a shard may still come");
        now += IDLENESS;
        watermarks.onPeriodicEmit(output);
        assertTrue(output.idle);
        assertEquals(Long.MIN_VALUE, output.watermark);
    }
}
