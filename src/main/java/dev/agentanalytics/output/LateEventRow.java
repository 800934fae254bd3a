package dev.agentanalytics.output;

/** {@code late_events}: a valid event that arrived behind the watermark; it changed no state. */
public class LateEventRow implements TableRow {
    public String agentArn;
    public String eventId;
    public String eventType;
    public String eventTimestamp;
    /** The watermark of the agent's operator when the event arrived. */
    public String watermark;
    public long lateByMs;
    /** The record as received (UTF-8 JSON). */
    public String payload;

    public LateEventRow() {}

    @Override
    public String partitionTimestamp() {
        return eventTimestamp;
    }

    @Override
    public String toString() {
        return "late " + eventType + " " + eventTimestamp + " (watermark " + watermark + ")";
    }
}
