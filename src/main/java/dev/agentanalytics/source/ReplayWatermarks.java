package dev.agentanalytics.source;

import dev.agentanalytics.parse.ParsedRecord;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;

/**
 * A STREAMING replay's watermark for one file: just below the earliest timestamp of the valid records from the last
 * one read to the end of the input ({@link ReplayTimeFloors}). The readers take the files in replay order, so every
 * record not yet read is at or after some reader's place, and the watermark that reaches the engine, the least of
 * the readers', is below it: no record of a bounded replay is late (docs/analytics.md §3.6).
 */
final class ReplayWatermarks implements WatermarkGenerator<ParsedRecord> {
    private final ReplayTimeFloors floors;
    /** The last valid record read, or null. */
    private byte[] lastArrival;
    private long emitted = Long.MIN_VALUE;

    ReplayWatermarks(ReplayTimeFloors floors) {
        this.floors = floors;
    }

    @Override
    public void onEvent(ParsedRecord record, long eventTimestamp, WatermarkOutput output) {
        if (record.isValid()) lastArrival = record.event.arrival;
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {
        if (lastArrival == null) return;
        long floor = floors.after(lastArrival);
        // Past the input's last valid record the source's end sends the final watermark; before a file's unread rest
        // none can go.
        if (floor == ReplayTimeFloors.NONE || floor == ReplayTimeFloors.UNKNOWN || floor - 1 <= emitted) return;
        emitted = floor - 1;
        output.emitWatermark(new Watermark(emitted));
    }
}
