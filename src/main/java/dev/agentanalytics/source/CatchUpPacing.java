package dev.agentanalytics.source;

import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;

/**
 * Paces the watermarks of a catch-up: while event time (the watermark plus {@code out-of-orderness}) is more than
 * {@link LiveWatermarks#LIVE_LAG_MS} behind the wall clock (a replay of history, a backlog after an outage), a new
 * watermark goes out at most once per {@link #CATCH_UP_STEP_MS} instead of at every periodic emit (200 ms).
 *
 * <p>Why: the engine applies an agent's buffered events when the watermark passes them, reading and writing the
 * agent's state once per step. Read at full speed, a backlog moves event time by minutes per step, so a coarser step
 * applies several events of each agent at once instead of one; under RocksDB that is about a tenth of the job's time
 * (docs/performance.md). Windows, sessions and deadlines are in event time, so their rows do not depend on the
 * step; a held watermark is only ever lower than the one it replaces, so pacing can make fewer events late, never
 * more (a late event's {@code watermark} column shows the watermark as it was). A live stream's watermark goes out
 * at once, so alerts keep their latency.
 */
final class CatchUpPacing<T> implements WatermarkGenerator<T> {
    /** How often a catch-up's watermark moves (wall clock). */
    static final long CATCH_UP_STEP_MS = 1_000;

    private final WatermarkGenerator<T> generator;
    /** The generator's watermark is its newest event time less this: added back to tell live from a catch-up. */
    private final long outOfOrdernessMs;
    private final LiveWatermarks.WallClock clock;
    private final Held held = new Held();

    CatchUpPacing(WatermarkGenerator<T> generator, long outOfOrdernessMs, LiveWatermarks.WallClock clock) {
        this.generator = generator;
        this.outOfOrdernessMs = outOfOrdernessMs;
        this.clock = clock;
    }

    @Override
    public void onEvent(T event, long eventTimestamp, WatermarkOutput output) {
        held.output = output;
        generator.onEvent(event, eventTimestamp, held);
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {
        held.output = output;
        generator.onPeriodicEmit(held);
        held.release(clock.millis(), false);
    }

    /** What the generator emits, held back while it is a catch-up's and the last one went out less than a step ago. */
    private final class Held implements WatermarkOutput {
        WatermarkOutput output;
        /** The newest watermark not sent yet, or Long.MIN_VALUE. */
        private long pending = Long.MIN_VALUE;
        private long lastSent = Long.MIN_VALUE;
        private long lastSentAt = Long.MIN_VALUE;
        /** Marked idle: the next watermark goes out at once, since only it makes the subtask hold time back again. */
        private boolean idle;

        @Override
        public void emitWatermark(Watermark watermark) {
            if (watermark.getTimestamp() > Math.max(pending, lastSent)) pending = watermark.getTimestamp();
            release(clock.millis(), false);
        }

        /** Before the generator marks its output idle, what it held goes out: idleness must not lose event time. */
        @Override
        public void markIdle() {
            release(clock.millis(), true);
            idle = true;
            output.markIdle();
        }

        /** Still counted idle until a watermark goes out: only a watermark makes the subtask hold time back. */
        @Override
        public void markActive() {
            output.markActive();
        }

        void release(long now, boolean force) {
            if (pending == Long.MIN_VALUE) return;
            boolean live = pending + outOfOrdernessMs >= now - LiveWatermarks.LIVE_LAG_MS;
            if (force || idle || live || lastSentAt == Long.MIN_VALUE || now - lastSentAt >= CATCH_UP_STEP_MS) {
                idle = false;
                output.emitWatermark(new Watermark(pending));
                lastSent = pending;
                lastSentAt = now;
                pending = Long.MIN_VALUE;
            }
        }
    }
}
