package dev.agentanalytics.source;

import dev.agentanalytics.config.JobConfig;
import dev.agentanalytics.parse.ParsedRecord;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;

/**
 * Watermark strategies for the sources other than Kinesis (whose consumer applies {@link LiveWatermarks} per
 * shard): timestamps from {@code EventTimestamp}, assigned at the source.
 */
public final class EventTimeWatermarks {
    private EventTimeWatermarks() {}

    /**
     * A source whose event time does not follow the wall clock (files, the simulator running as fast as it can):
     * bounded out-of-orderness, and idleness so that an exhausted split never holds the others back.
     */
    public static WatermarkStrategy<ParsedRecord> eventTimeOnly(JobConfig config) {
        return WatermarkStrategy.<ParsedRecord>forBoundedOutOfOrderness(config.outOfOrderness)
                .withTimestampAssigner((record, previous) -> record.timestamp())
                .withIdleness(config.idleness);
    }

    /** A live source other than Kinesis (tests, custom sources): {@link LiveWatermarks} for the whole subtask. */
    public static WatermarkStrategy<ParsedRecord> live(JobConfig config) {
        long outOfOrderness = config.outOfOrderness.toMillis();
        boolean follow = config.silentStreamAdvance;
        return WatermarkStrategy.<ParsedRecord>forGenerator(
                        context -> LiveWatermarks.withSystemClock(outOfOrderness, follow).asGenerator())
                .withTimestampAssigner((record, previous) -> record.timestamp());
    }
}
