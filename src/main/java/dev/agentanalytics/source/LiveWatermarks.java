package dev.agentanalytics.source;

import dev.agentanalytics.parse.ParsedRecord;
import java.io.Serializable;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.streaming.api.functions.AssignerWithPeriodicWatermarks;
import org.apache.flink.streaming.api.watermark.Watermark;

/**
 * Event-time watermarks for a live stream, one instance per Kinesis shard. While records flow, the watermark is
 * the newest {@code EventTimestamp} minus the out-of-orderness bound. Once the shard has been silent for longer
 * than that bound, event time is taken to follow the wall clock from the newest event on, {@link #SILENT_LAG_MS}
 * behind: a silent stream still moves time forward, so deadlines (a stale agent above all) fire within seconds of
 * their wall-clock time even when no event, heart beat included, arrives. That can be turned off
 * ({@code silent-stream-advance=false}) for a stream whose event time does not follow the wall clock, such as a
 * replay sent through Kinesis.
 *
 * <p>Never used for a bounded replay from files (BATCH mode has no watermarks but the final one), which stays a
 * pure function of its input.
 */
public class LiveWatermarks implements AssignerWithPeriodicWatermarks<ParsedRecord> {
    private static final long serialVersionUID = 1L;

    /** How far behind the extrapolated event time a silent stream's watermark stays (delivery jitter). */
    public static final long SILENT_LAG_MS = 1_000;

    /** The wall clock, replaceable in tests. */
    public interface WallClock extends Serializable {
        long millis();
    }

    private final long outOfOrdernessMs;
    private final boolean followWallClockWhenSilent;
    private final WallClock clock;
    private long newestEventTime = Long.MIN_VALUE;
    private long newestArrival;
    private long lastEmitted = Long.MIN_VALUE;

    public LiveWatermarks(long outOfOrdernessMs, boolean followWallClockWhenSilent, WallClock clock) {
        this.outOfOrdernessMs = outOfOrdernessMs;
        this.followWallClockWhenSilent = followWallClockWhenSilent;
        this.clock = clock;
    }

    public static LiveWatermarks withSystemClock(long outOfOrdernessMs, boolean followWallClockWhenSilent) {
        return new LiveWatermarks(outOfOrdernessMs, followWallClockWhenSilent, System::currentTimeMillis);
    }

    @Override
    public long extractTimestamp(ParsedRecord record, long previousTimestamp) {
        if (record.isValid()) {
            newestEventTime = Math.max(newestEventTime, record.event.eventTime);
            newestArrival = clock.millis();
        }
        return record.timestamp();
    }

    /** The current watermark, or null while nothing new can be said (no event yet, or no progress). */
    @Override
    public Watermark getCurrentWatermark() {
        if (newestEventTime == Long.MIN_VALUE) return null;
        long watermark = newestEventTime - outOfOrdernessMs - 1;
        long silence = clock.millis() - newestArrival;
        if (followWallClockWhenSilent && silence > outOfOrdernessMs) {
            watermark = Math.max(watermark, newestEventTime + silence - SILENT_LAG_MS - 1);
        }
        if (watermark <= lastEmitted) return null;
        lastEmitted = watermark;
        return new Watermark(watermark);
    }

    /** The same rules as a {@link WatermarkGenerator}, for sources other than the Kinesis consumer. */
    public WatermarkGenerator<ParsedRecord> asGenerator() {
        return new WatermarkGenerator<>() {
            @Override
            public void onEvent(ParsedRecord record, long timestamp, WatermarkOutput output) {
                extractTimestamp(record, timestamp);
            }

            @Override
            public void onPeriodicEmit(WatermarkOutput output) {
                Watermark watermark = getCurrentWatermark();
                if (watermark != null) {
                    output.emitWatermark(new org.apache.flink.api.common.eventtime.Watermark(
                            watermark.getTimestamp()));
                }
            }
        };
    }
}
