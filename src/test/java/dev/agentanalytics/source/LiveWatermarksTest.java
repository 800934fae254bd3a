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
    void oldEventsDoNotFollowTheWallClockAndSilenceNeverLetsAShardGo() {
        LiveWatermarks watermarks = generator(true);
        now += IDLENESS;
        event(watermarks, "shard-1", START - 86_400_000); // yesterday's events replayed through Kinesis
        now += 10_000;
        watermarks.onPeriodicEmit(output);
        assertEquals(START - 86_400_000 - BOUND - 1, output.watermark, "silent, but not live: it stays");
        now += 10 * IDLENESS; // silent, or held up by back-pressure: the two look the same
        watermarks.onPeriodicEmit(output);
        assertEquals(START - 86_400_000 - BOUND - 1, output.watermark);
        assertFalse(output.idle, "a held-up shard let go would see its next events made late");
    }

    @Test
    void aShardClosedByAReshardStopsHoldingEventTimeBackAtItsEnd() {
        LiveWatermarks watermarks = generator(false);
        now += IDLENESS;
        event(watermarks, "parent", START - 3_600_000); // replayed: not live
        event(watermarks, "child", START - 3_600_000);
        watermarks.onEvent(ParsedRecord.endOf("parent"), Long.MIN_VALUE, output); // read to its end
        for (int step = 1; step <= 10; step++) { // its child goes on
            now += 1_000;
            event(watermarks, "child", START - 3_600_000 + step * 60_000);
            watermarks.onPeriodicEmit(output);
        }
        assertEquals(START - 3_600_000 + 600_000 - BOUND - 1, output.watermark);
    }

    @Test
    void aShardHandedOverHoldsTimeBackForItsFirstRecordsThenAnEmptyOneIsLeftOut() {
        LiveWatermarks watermarks = generator(false);
        now += IDLENESS;
        event(watermarks, "busy", START - 3_600_000);
        watermarks.onEvent(ParsedRecord.startOf("child"), Long.MIN_VALUE, output); // found after a split
        now += IDLENESS - 1;
        event(watermarks, "busy", START - 3_000_000);
        watermarks.onPeriodicEmit(output);
        assertEquals(Long.MIN_VALUE, output.watermark, "the child's first records may still be on the way");
        now += 1;
        watermarks.onPeriodicEmit(output);
        assertEquals(START - 3_000_000 - BOUND - 1, output.watermark, "an empty shard does not stop time");
        event(watermarks, "child", START - 3_100_000); // speaks at last: it counts again
        event(watermarks, "busy", START - 2_900_000);
        watermarks.onPeriodicEmit(output);
        assertEquals(START - 3_000_000 - BOUND - 1, output.watermark, "held at the child's newest, never back");
    }

    @Test
    void aSubtaskWhoseShardsAllEndedIsIdleUntilItReadsAgain() {
        LiveWatermarks watermarks = generator(false);
        now += IDLENESS;
        event(watermarks, "parent", START - 3_600_000);
        watermarks.onPeriodicEmit(output);
        assertFalse(output.idle);
        watermarks.onEvent(ParsedRecord.endOf("parent"), Long.MIN_VALUE, output);
        watermarks.onPeriodicEmit(output);
        assertTrue(output.idle, "its children went to other subtasks: it holds nobody back");
        event(watermarks, "merged", START - 3_000_000); // a merge hands it a shard again
        watermarks.onPeriodicEmit(output);
        assertEquals(START - 3_000_000 - BOUND - 1, output.watermark);
        assertFalse(output.idle);
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
