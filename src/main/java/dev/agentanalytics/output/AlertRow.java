package dev.agentanalytics.output;

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

    public AlertRow() {}

    @Override
    public String partitionTimestamp() {
        return detectedAt;
    }

    @Override
    public String toString() {
        return alertType + " " + username + " at " + detectedAt + " silence=" + silenceMs + " id=" + alertId;
    }
}
