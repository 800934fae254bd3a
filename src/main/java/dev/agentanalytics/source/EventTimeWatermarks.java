package dev.agentanalytics.source;

import dev.agentanalytics.config.JobConfig;
import dev.agentanalytics.parse.ParsedRecord;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.util.clock.SystemClock;

/** The watermark strategies of the sources: timestamps from {@code EventTimestamp}, assigned at the source. */
public final class EventTimeWatermarks {
    private EventTimeWatermarks() {}

    /**
     * A live stream whose event time follows the wall clock (Kinesis): bounded out-of-orderness while records
     * flow, wall-clock progress while it is silent ({@link LiveWatermarks}).
     */
    public static WatermarkStrategy<ParsedRecord> live(JobConfig config) {
        long outOfOrderness = config.outOfOrderness.toMillis();
        long idleness = config.idleness.toMillis();
        return WatermarkStrategy.<ParsedRecord>forGenerator(
                        context -> new LiveWatermarks(outOfOrderness, idleness, SystemClock.getInstance()))
                .withTimestampAssigner((record, previous) -> record.timestamp());
    }

    /**
     * A source whose event time does not follow the wall clock (files, the simulator running as fast as it can):
     * bounded out-of-orderness, and idleness so that an exhausted split never holds the others back.
     */
    public static WatermarkStrategy<ParsedRecord> eventTimeOnly(JobConfig config) {
        return WatermarkStrategy.<ParsedRecord>forBoundedOutOfOrderness(config.outOfOrderness)
                .withTimestampAssigner((record, previous) -> record.timestamp())
                .withIdleness(config.idleness);
    }
}
