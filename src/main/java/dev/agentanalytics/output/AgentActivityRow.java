package dev.agentanalytics.output;

/**
 * {@code agent_activity}: time an agent spent in one activity inside one window (docs/analytics.md §4.2).
 * {@code status_name} is set for NON_PRODUCTIVE only, so non-productive time splits by reason.
 */
public class AgentActivityRow implements TableRow {
    public String windowStart;
    public String windowEnd;
    public String agentArn;
    public String username;
    public String activity;
    public String statusName;
    public long durationMs;

    public AgentActivityRow() {}

    public AgentActivityRow(long windowStart, long windowEnd, String agentArn, String username,
                            String activity, String statusName, long durationMs) {
        this.windowStart = UtcTimes.iso(windowStart);
        this.windowEnd = UtcTimes.iso(windowEnd);
        this.agentArn = agentArn;
        this.username = username;
        this.activity = activity;
        this.statusName = statusName;
        this.durationMs = durationMs;
    }

    @Override
    public String partitionTimestamp() {
        return windowStart;
    }

    @Override
    public String toString() {
        return windowStart + " " + username + " " + activity + "/" + statusName + " " + durationMs;
    }
}
