package dev.agentanalytics.source;

import dev.agentanalytics.parse.ParsedRecord;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;

/**
 * Event-time watermarks of a live stream, for one source subtask, tracked per origin (Kinesis shard): the
 * watermark is the minimum over the origins of their newest {@code EventTimestamp} minus the out-of-orderness
 * bound, so one shard's backlog read ahead of another's never makes the other's events late.
 *
 * <ul>
 *   <li><b>Start-up.</b> For the idleness timeout after it starts (a first start at TRIM_HORIZON, a restore from a
 *       savepoint), no watermark is emitted: every shard of the subtask delivers its first records in that time,
 *       and none is left out of the minimum before it has spoken. A subtask that has read nothing by then (it has
 *       no shard) is marked idle, so it holds nobody back.
 *   <li><b>A silent live origin</b> (its newest event arrived within {@link #LIVE_LAG_MS} of its event time, and
 *       nothing came for longer than the bound) follows the wall clock from its newest event on,
 *       {@link #SILENT_LAG_MS} behind: a silent stream still moves time forward, so a stale agent is reported
 *       within seconds of its deadline although nothing, heart beats included, arrives. {@code
 *       silent-stream-advance=false} turns this off.
 *   <li><b>A silent origin that is not live</b> (old events replayed through Kinesis) keeps its watermark for
 *       the idleness timeout: its event time does not follow the wall clock. Silent for longer, it is exhausted (a
 *       shard closed by a split or a merge, or read to its end) and no longer holds event time back; a subtask left
 *       without origins is idle until it reads again. Keeping a closed shard would freeze event time for good.
 *       The price, in a backlog only: a child shard handed later to a subtask that went idle may deliver events
 *       behind the others' watermark (they go to {@code late_events}); live, a closed shard follows the wall clock
 *       instead, and new shards are found within {@code kinesis.shard-discovery-interval}, long before.
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
        long newestEventTime = Long.MIN_VALUE;
        long lastArrival;
        long newestArrivalLag;
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
        if (!record.isValid()) return; // a dead letter says nothing about time, nor that the origin is alive
        long now = clock.millis();
        Origin origin = origins.computeIfAbsent(record.origin == null ? "" : record.origin, key -> new Origin());
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
            output.markIdle(); // no shard: this subtask must not hold the others back
            return;
        }
        long watermark = Long.MAX_VALUE;
        for (Iterator<Origin> it = origins.values().iterator(); it.hasNext(); ) {
            Origin origin = it.next();
            long originWatermark = origin.newestEventTime - outOfOrdernessMs - 1;
            long silence = now - origin.lastArrival;
            boolean live = origin.newestArrivalLag <= LIVE_LAG_MS;
            if (followWallClockWhenSilent && silence > outOfOrdernessMs && live) {
                originWatermark = Math.max(originWatermark, origin.newestEventTime + silence - SILENT_LAG_MS - 1);
            } else if (silence > idlenessMs && !(followWallClockWhenSilent && live)) {
                it.remove(); // exhausted: its last watermark stays emitted, it just stops holding time back
                continue;
            }
            watermark = Math.min(watermark, originWatermark);
        }
        if (watermark == Long.MAX_VALUE) {
            output.markIdle();
            return;
        }
        if (watermark > lastEmitted) {
            lastEmitted = watermark;
            output.emitWatermark(new Watermark(watermark));
        }
    }
}
