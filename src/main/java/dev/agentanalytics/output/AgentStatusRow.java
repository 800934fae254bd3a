package dev.agentanalytics.output;

import dev.agentanalytics.event.Grouping;

/**
 * {@code agent_status}: time an agent spent in one status, with one routing profile and hierarchy, inside one window
 * (docs/analytics.md §4.1).
 */
public class AgentStatusRow implements TableRow {
    public String windowStart;
    public String windowEnd;
    public String agentArn;
    public String username;
    public String statusName;
    public String statusType;
    public String routingProfileName;
    public String hierarchyLevel1;
    public String hierarchyLevel2;
    public String hierarchyLevel3;
    public String hierarchyLevel4;
    public String hierarchyLevel5;
    public long durationMs;

    public AgentStatusRow() {}

    public AgentStatusRow(long windowStart, long windowEnd, String agentArn, String username,
                          String statusName, String statusType, Grouping grouping, long durationMs) {
        this.windowStart = UtcTimes.iso(windowStart);
        this.windowEnd = UtcTimes.iso(windowEnd);
        this.agentArn = agentArn;
        this.username = username;
        this.statusName = statusName;
        this.statusType = statusType;
        this.routingProfileName = grouping.routingProfileName;
        this.hierarchyLevel1 = grouping.hierarchyLevel1;
        this.hierarchyLevel2 = grouping.hierarchyLevel2;
        this.hierarchyLevel3 = grouping.hierarchyLevel3;
        this.hierarchyLevel4 = grouping.hierarchyLevel4;
        this.hierarchyLevel5 = grouping.hierarchyLevel5;
        this.durationMs = durationMs;
    }

    @Override
    public String partitionTimestamp() {
        return windowStart;
    }

    @Override
    public String toString() {
        return windowStart + " " + username + " " + statusName + "/" + statusType + " " + routingProfileName + " "
                + durationMs;
    }
}
