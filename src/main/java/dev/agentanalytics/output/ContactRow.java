package dev.agentanalytics.output;

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

    public ContactRow() {}

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
