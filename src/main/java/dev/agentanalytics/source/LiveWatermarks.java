package dev.agentanalytics.source;

import dev.agentanalytics.parse.ParsedRecord;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;

/**
 * Event-time watermarks of a live stream, for one source subtask, tracked per origin (Kinesis shard): the
 * watermark is the minimum over the origins being read of their newest {@code EventTimestamp} minus the
 * out-of-orderness bound, so one shard's backlog read ahead of another's never makes the other's events late.
 * The source marks when it starts and ends reading a shard ({@link ShardAwareKinesisConsumer}).
 *
 * <ul>
 *   <li><b>Start-up.</b> For the idleness timeout after it starts (a first start at TRIM_HORIZON, a restore from a
 *       savepoint), no watermark is emitted, while the consumer finds its shards. A subtask that has no shard by
 *       then is marked idle, so it holds nobody back.
 *   <li><b>A shard handed over but silent so far</b> (at start, or a new shard after a split or a merge) holds
 *       event time back for the idleness timeout, so it delivers its first records before the others can make
 *       them late; silent for longer, it is left out until it speaks (an empty shard must not stop time).
 *   <li><b>A silent live origin</b> (its newest event arrived within {@link #LIVE_LAG_MS} of its event time, and
 *       nothing came for longer than the bound) follows the wall clock from its newest event on,
 *       {@link #SILENT_LAG_MS} behind: a silent stream still moves time forward, so a stale agent is reported
 *       within seconds of its deadline although nothing, heart beats included, arrives. {@code
 *       silent-stream-advance=false} turns this off.
 *   <li><b>A silent origin that is not live</b> (old events replayed through Kinesis) keeps its watermark: its
 *       event time does not follow the wall clock. Silence alone never lets an origin that has spoken go, since a
 *       pipeline held up by back-pressure or an outage looks silent too, and an origin let go too early would see
 *       its next events made late.
 *   <li><b>An ended origin</b> (a shard closed by a split or a merge and read to its end) stops holding time back
 *       at once; its last watermark stays emitted. A subtask left without origins is idle until it reads again.
 * </ul>
 *
 * <p>Not used for a bounded replay from files (BATCH mode has no watermarks but the final one).
 */
public class LiveWatermarks implements WatermarkGenerator<ParsedRecord> {
    /** How far behind the extrapolated event time a silent stream's watermark stays (delivery jitter). */
    public static final long SILENT_LAG_MS = 1_000;
    /** An origin whose newest event arrived at most this long after its event time is live. */
    public static final long LIVE_LAG_MS = 60_000;

    /** The wall clock, replaceable in tests. */
    public interface WallClock {
        long millis();
    }

    /** What is known of one origin (shard). */
    private static final class Origin {
        /** Long.MIN_VALUE until its first event. */
        long newestEventTime = Long.MIN_VALUE;
        /** When it was handed over, then when its last event came (wall clock). */
        long lastArrival;
        long newestArrivalLag;

        Origin(long now) {
            lastArrival = now;
        }

        boolean hasSpoken() {
            return newestEventTime != Long.MIN_VALUE;
        }
    }

    private final long outOfOrdernessMs;
    private final long idlenessMs;
    private final boolean followWallClockWhenSilent;
    private final WallClock clock;
    private final long startedAt;
    private final Map<String, Origin> origins = new HashMap<>();
    private long lastEmitted = Long.MIN_VALUE;

    public LiveWatermarks(long outOfOrdernessMs, long idlenessMs, boolean followWallClockWhenSilent,
                          WallClock clock) {
        this.outOfOrdernessMs = outOfOrdernessMs;
        this.idlenessMs = idlenessMs;
        this.followWallClockWhenSilent = followWallClockWhenSilent;
        this.clock = clock;
        this.startedAt = clock.millis();
    }

    @Override
    public void onEvent(ParsedRecord record, long timestamp, WatermarkOutput output) {
        long now = clock.millis();
        if (record.mark == ParsedRecord.OriginMark.STARTS) {
            origins.putIfAbsent(record.origin, new Origin(now));
            return;
        }
        if (record.mark == ParsedRecord.OriginMark.ENDS) {
            origins.remove(record.origin);
            return;
        }
        if (!record.isValid()) return; // a dead letter says nothing about time, nor that the origin is alive
        Origin origin = origins.computeIfAbsent(record.origin == null ? "" : record.origin, key -> new Origin(now));
        origin.lastArrival = now;
        if (record.event.eventTime > origin.newestEventTime) {
            origin.newestEventTime = record.event.eventTime;
            origin.newestArrivalLag = now - record.event.eventTime;
        }
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {
        long now = clock.millis();
        if (now - startedAt < idlenessMs) return; // start-up: every shard first gets the chance to speak
        if (origins.isEmpty()) {
            output.markIdle(); // no shard, or every shard ended: this subtask must not hold the others back
            return;
        }
        long watermark = Long.MAX_VALUE;
        for (Origin origin : origins.values()) {
            if (!origin.hasSpoken()) {
                if (now - origin.lastArrival < idlenessMs) return; // its first records may still be on the way
                continue; // an empty shard: left out until it speaks
            }
            long originWatermark = origin.newestEventTime - outOfOrdernessMs - 1;
            long silence = now - origin.lastArrival;
            if (followWallClockWhenSilent && silence > outOfOrdernessMs && origin.newestArrivalLag <= LIVE_LAG_MS) {
                originWatermark = Math.max(originWatermark, origin.newestEventTime + silence - SILENT_LAG_MS - 1);
            }
            watermark = Math.min(watermark, originWatermark);
        }
        if (watermark == Long.MAX_VALUE) {
            output.markIdle(); // only empty shards: nothing to hold back for
            return;
        }
        if (watermark > lastEmitted) {
            lastEmitted = watermark;
            output.emitWatermark(new Watermark(watermark));
        }
    }
}
