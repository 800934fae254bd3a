package dev.agentanalytics.output;

import dev.agentanalytics.event.Grouping;

/**
 * {@code alerts}: an alert opening or resolving (docs/analytics.md §4.5). Both rows of one alert share {@code alert_id}.
 */
public class AlertRow implements TableRow {
    public String alertId;
    public String alertType;
    public String agentArn;
    public String username;
    /** The contact a supervisor alert is about; null for AGENT_STALE / AGENT_RECOVERED. */
    public String contactId;
    public String detectedAt;
    public String lastEventAt;
    public long silenceMs;
    public String statusName;
    public int openContacts;
    public String routingProfileName;
    public String hierarchyLevel1;
    public String hierarchyLevel2;
    public String hierarchyLevel3;
    public String hierarchyLevel4;
    public String hierarchyLevel5;

    public AlertRow() {}

    /** Sets the grouping columns (docs/analytics.md §4.1). */
    public void grouped(Grouping grouping) {
        routingProfileName = grouping.routingProfileName;
        hierarchyLevel1 = grouping.hierarchyLevel1;
        hierarchyLevel2 = grouping.hierarchyLevel2;
        hierarchyLevel3 = grouping.hierarchyLevel3;
        hierarchyLevel4 = grouping.hierarchyLevel4;
        hierarchyLevel5 = grouping.hierarchyLevel5;
    }

    @Override
    public String partitionTimestamp() {
        return detectedAt;
    }

    @Override
    public String toString() {
        return alertType + " " + username + " at " + detectedAt + " silence=" + silenceMs + " id=" + alertId;
    }
}
