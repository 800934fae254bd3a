package dev.agentanalytics.output;

/** {@code agent_status}: time an agent spent in one status inside one window (docs/analytics.md §4.1). */
public class AgentStatusRow implements TableRow {
    public String windowStart;
    public String windowEnd;
    public String agentArn;
    public String username;
    public String statusName;
    public String statusType;
    public long durationMs;

    public AgentStatusRow() {}

    public AgentStatusRow(long windowStart, long windowEnd, String agentArn, String username,
                          String statusName, String statusType, long durationMs) {
        this.windowStart = UtcTimes.iso(windowStart);
        this.windowEnd = UtcTimes.iso(windowEnd);
        this.agentArn = agentArn;
        this.username = username;
        this.statusName = statusName;
        this.statusType = statusType;
        this.durationMs = durationMs;
    }

    @Override
    public String partitionTimestamp() {
        return windowStart;
    }

    @Override
    public String toString() {
        return windowStart + " " + username + " " + statusName + "/" + statusType + " " + durationMs;
    }
}
