package dev.agentanalytics.output;

import dev.agentanalytics.event.Grouping;

/**
 * {@code agent_activity}: time an agent spent in one activity, with one routing profile and hierarchy, inside one
 * window (docs/analytics.md §4.2). {@code status_name} is set for NON_PRODUCTIVE only, so non-productive time splits
 * by reason.
 */
public class AgentActivityRow implements TableRow {
    public String windowStart;
    public String windowEnd;
    public String agentArn;
    public String username;
    public String activity;
    public String statusName;
    public String routingProfileName;
    public String hierarchyLevel1;
    public String hierarchyLevel2;
    public String hierarchyLevel3;
    public String hierarchyLevel4;
    public String hierarchyLevel5;
    public long durationMs;

    public AgentActivityRow() {}

    public AgentActivityRow(long windowStart, long windowEnd, String agentArn, String username,
                            String activity, String statusName, Grouping grouping, long durationMs) {
        this.windowStart = UtcTimes.iso(windowStart);
        this.windowEnd = UtcTimes.iso(windowEnd);
        this.agentArn = agentArn;
        this.username = username;
        this.activity = activity;
        this.statusName = statusName;
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
        return windowStart + " " + username + " " + activity + "/" + statusName + " " + routingProfileName + " "
                + durationMs;
    }
}
