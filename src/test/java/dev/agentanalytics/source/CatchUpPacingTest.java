package dev.agentanalytics.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.junit.jupiter.api.Test;

/** A catch-up's watermarks go out once per step; a live stream's at once; nothing is lost to the pacing. */
class CatchUpPacingTest {
    private static final long NOW = 1_714_982_400_000L;
    private static final long STEP = CatchUpPacing.CATCH_UP_STEP_MS;
    /** The generator's out-of-orderness: its watermark is this far behind its newest event. */
    private static final long BOUND = 90_000;

    private long now = NOW;
    /** What the wrapped generator says at its next periodic emit, in order: watermarks, "idle", "active". */
    private Object[] next = {};
    private final List<String> said = new ArrayList<>();

    private final WatermarkGenerator<Long> generator = new WatermarkGenerator<>() {
        @Override
        public void onEvent(Long event, long eventTimestamp, WatermarkOutput output) {}

        @Override
        public void onPeriodicEmit(WatermarkOutput output) {
            for (Object what : next) {
                if (what instanceof Long) output.emitWatermark(new Watermark((Long) what));
                if ("idle".equals(what)) output.markIdle();
                if ("active".equals(what)) output.markActive();
            }
        }
    };

    private final WatermarkOutput output = new WatermarkOutput() {
        @Override
        public void emitWatermark(Watermark watermark) {
            said.add(Long.toString(watermark.getTimestamp() - NOW));
        }

        @Override
        public void markIdle() {
            said.add("idle");
        }

        @Override
        public void markActive() {
            said.add("active");
        }
    };

    private final CatchUpPacing<Long> pacing = new CatchUpPacing<>(generator, BOUND, () -> now);

    /** One periodic emit, {@code after} ms of wall clock after the previous one, the generator saying {@code what}. */
    private void emit(long after, Object... what) {
        now += after;
        next = what;
        pacing.onPeriodicEmit(output);
    }

    @Test
    void aCatchUpsWatermarkMovesOncePerStepAndTheNewestGoesOut() {
        long hourAgo = NOW - 3_600_000;
        emit(0, hourAgo);
        emit(200, hourAgo + 60_000);
        emit(200, hourAgo + 120_000);
        emit(STEP - 400 - 1, hourAgo + 180_000);
        assertEquals(List.of("-3600000"), said, "within the step nothing more goes out");
        emit(1);
        assertEquals(List.of("-3600000", "-3420000"), said, "a step later, the newest held watermark");
        emit(STEP);
        assertEquals(2, said.size(), "nothing new, nothing sent");
    }

    @Test
    void aLiveWatermarkGoesOutAtOnce() {
        emit(0, NOW - 6_000);
        emit(200, NOW - 5_800);
        emit(200, NOW - 5_600);
        assertEquals(List.of("-6000", "-5800", "-5600"), said);
    }

    @Test
    void liveMeansEventTimeAtMostAMinuteBehindTheWallClock() {
        long minute = LiveWatermarks.LIVE_LAG_MS;
        emit(0, NOW - BOUND - minute - 1_000); // the first goes out in any case
        emit(200, NOW + 200 - BOUND - minute); // its events a minute behind: live, although the bound is longer
        emit(200, NOW + 400 - BOUND - minute - 1); // a minute and a millisecond: a catch-up's, held
        assertEquals(List.of("-151000", "-149800"), said);
    }

    @Test
    void aHeldWatermarkGoesOutBeforeTheOutputIsMarkedIdle() {
        long hourAgo = NOW - 3_600_000;
        emit(0, hourAgo);
        emit(200, hourAgo + 1_000);
        emit(200, "idle");
        assertEquals(List.of("-3600000", "-3599000", "idle"), said);
    }

    @Test
    void theFirstWatermarkAfterIdlenessGoesOutAtOnceSoThatTheSubtaskHoldsTimeBackAgain() {
        long hourAgo = NOW - 3_600_000;
        emit(0, hourAgo);
        emit(200, "idle");
        emit(200, hourAgo + 1_000);
        emit(200, hourAgo + 2_000);
        assertEquals(List.of("-3600000", "idle", "-3599000"), said);
    }

    @Test
    void beingMarkedActiveIsNotAWatermark() {
        long hourAgo = NOW - 3_600_000;
        emit(0, hourAgo);
        emit(200, "idle");
        emit(200, "active");
        emit(200, hourAgo + 1_000);
        assertEquals(List.of("-3600000", "idle", "active", "-3599000"), said,
                "still the first watermark after idleness: at once");
    }

    @Test
    void anOlderWatermarkNeverGoesOut() {
        long hourAgo = NOW - 3_600_000;
        emit(0, hourAgo);
        emit(STEP, hourAgo - 1);
        emit(STEP, hourAgo);
        assertEquals(List.of("-3600000"), said);
    }
}
