package dev.agentanalytics.source;

import dev.agentanalytics.parse.ParsedRecord;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.util.clock.Clock;

/**
 * Event-time watermarks for a live stream. While records flow, the watermark is the newest {@code EventTimestamp}
 * minus the out-of-orderness bound. Once the source has been silent for longer than that bound, event time is
 * taken to follow the wall clock from the newest event on, {@link #SILENT_LAG_MS} behind: a silent stream still
 * moves time forward, so deadlines (a stale agent above all) fire within seconds of their wall-clock time even
 * when no event, heart beat included, arrives. A subtask that has seen no record for the idleness timeout is
 * marked idle so it never holds the others back.
 *
 * <p>Never used for a bounded replay (BATCH mode has no watermarks but the final one), which stays a pure
 * function of its input.
 */
public class LiveWatermarks implements WatermarkGenerator<ParsedRecord> {
    /** How far behind the extrapolated event time a silent stream's watermark stays (delivery jitter). */
    public static final long SILENT_LAG_MS = 1_000;

    private final long outOfOrdernessMs;
    private final long idlenessMs;
    private final Clock clock;
    private final long startedAt;
    private long newestEventTime = Long.MIN_VALUE;
    private long newestArrival;
    private long lastEmitted = Long.MIN_VALUE;

    public LiveWatermarks(long outOfOrdernessMs, long idlenessMs, Clock clock) {
        this.outOfOrdernessMs = outOfOrdernessMs;
        this.idlenessMs = idlenessMs;
        this.clock = clock;
        this.startedAt = clock.absoluteTimeMillis();
    }

    @Override
    public void onEvent(ParsedRecord record, long eventTimestamp, WatermarkOutput output) {
        if (!record.isValid()) return;
        if (record.event.eventTime > newestEventTime) newestEventTime = record.event.eventTime;
        newestArrival = clock.absoluteTimeMillis();
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {
        long now = clock.absoluteTimeMillis();
        if (newestEventTime == Long.MIN_VALUE) {
            if (now - startedAt > idlenessMs) output.markIdle();
            return;
        }
        long watermark = newestEventTime - outOfOrdernessMs - 1;
        long silence = now - newestArrival;
        if (silence > outOfOrdernessMs) {
            watermark = Math.max(watermark, newestEventTime + silence - SILENT_LAG_MS - 1);
        }
        if (watermark > lastEmitted) {
            lastEmitted = watermark;
            output.emitWatermark(new Watermark(watermark));
        }
    }
}
