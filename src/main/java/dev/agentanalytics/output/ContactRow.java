package dev.agentanalytics.output;

import dev.agentanalytics.event.Grouping;

/** {@code contacts}: one contact leg (agent, contact id), written when it ends (docs/analytics.md §4.3). */
public class ContactRow implements TableRow {
    public String contactId;
    public String initialContactId;
    public String agentArn;
    public String username;
    public String queueArn;
    public String queueName;
    public String channel;
    public String initiationMethod;
    public String outcome;
    public String offeredAt;
    public String connectedAt;
    public String endedAt;
    public String completedAt;
    public long ringMs;
    public long talkMs;
    public long holdMs;
    public int holdCount;
    public long acwMs;
    public long handleMs;
    public String routingProfileName;
    public String hierarchyLevel1;
    public String hierarchyLevel2;
    public String hierarchyLevel3;
    public String hierarchyLevel4;
    public String hierarchyLevel5;

    public ContactRow() {}

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
        return completedAt;
    }

    @Override
    public String toString() {
        return contactId + " " + outcome + " ring=" + ringMs + " talk=" + talkMs + " hold=" + holdMs + "/"
                + holdCount + " acw=" + acwMs + " completed=" + completedAt;
    }
}
