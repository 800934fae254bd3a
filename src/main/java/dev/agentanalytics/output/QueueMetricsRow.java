package dev.agentanalytics.output;

/** {@code queue_metrics}: agent time and handled contacts of one queue in one window (docs/analytics.md §4.4). */
public class QueueMetricsRow implements TableRow {
    public String windowStart;
    public String windowEnd;
    public String queueArn;
    public String queueName;
    public long staffedMs;
    public long availableMs;
    public long onContactMs;
    public long acwMs;
    public long incomingMs;
    public long nonProductiveMs;
    public long errorMs;
    public long offlineMs;
    public double avgAgentsStaffed;
    public Double occupancy;
    public long contactsHandled;
    public long handleMsSum;
    public Long avgHandleMs;

    public QueueMetricsRow() {}

    @Override
    public String partitionTimestamp() {
        return windowStart;
    }

    @Override
    public String toString() {
        return windowStart + " " + queueName + " staffed=" + staffedMs + " occupancy=" + occupancy
                + " handled=" + contactsHandled + " aht=" + avgHandleMs;
    }
}
