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
     * A source whose event time does not follow the wall clock (files, the simulator running as fast as it can):
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
