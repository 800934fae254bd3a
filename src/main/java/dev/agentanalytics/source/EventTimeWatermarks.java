package dev.agentanalytics.source;

import dev.agentanalytics.config.JobConfig;
import dev.agentanalytics.parse.ParsedRecord;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;

/**
 * The sources' watermark strategies: timestamps from {@code EventTimestamp}, assigned at the source, and a catch-up's
 * watermarks paced ({@link CatchUpPacing}).
 */
public final class EventTimeWatermarks {
    private EventTimeWatermarks() {}

    /**
     * A replay of files in STREAMING mode: never ahead of a record still to be read ({@link ReplayWatermarks}), so
     * none is late, paced as a catch-up. (In BATCH mode no watermark is needed: each agent's events come sorted.)
     */
    public static WatermarkStrategy<ParsedRecord> replay(ReplayTimeFloors floors) {
        return WatermarkStrategy.<ParsedRecord>forGenerator(context -> new CatchUpPacing<>(
                        new ReplayWatermarks(floors), 0, System::currentTimeMillis))
                .withTimestampAssigner((record, previous) -> record.timestamp());
    }

    /**
     * A source whose event time does not follow the wall clock (the simulator running as fast as it can):
     * bounded out-of-orderness, and idleness so that an exhausted split never holds the others back.
     */
    public static WatermarkStrategy<ParsedRecord> eventTimeOnly(JobConfig config) {
        WatermarkStrategy<ParsedRecord> bounded =
                WatermarkStrategy.<ParsedRecord>forBoundedOutOfOrderness(config.outOfOrderness)
                        .withIdleness(config.idleness);
        long outOfOrderness = config.outOfOrderness.toMillis();
        return WatermarkStrategy.<ParsedRecord>forGenerator(context -> new CatchUpPacing<>(
                        bounded.createWatermarkGenerator(context), outOfOrderness, System::currentTimeMillis))
                .withTimestampAssigner((record, previous) -> record.timestamp());
    }

    /** A live stream (Kinesis): {@link LiveWatermarks}, per shard, following the wall clock when silent. */
    public static WatermarkStrategy<ParsedRecord> live(JobConfig config) {
        long outOfOrderness = config.outOfOrderness.toMillis();
        long idleness = config.idleness.toMillis();
        boolean follow = config.silentStreamAdvance;
        return WatermarkStrategy.<ParsedRecord>forGenerator(
                        context -> new CatchUpPacing<>(
                                new LiveWatermarks(outOfOrderness, idleness, follow, System::currentTimeMillis),
                                outOfOrderness, System::currentTimeMillis))
                .withTimestampAssigner((record, previous) -> record.timestamp());
    }
}
