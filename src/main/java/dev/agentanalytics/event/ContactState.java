package dev.agentanalytics.event;

import java.util.Objects;

/** One contact leg as listed in the agent's current snapshot. */
public class ContactState {
    public String contactId;
    public String initialContactId;
    /** Upper case as sent; TASKS is normalised to TASK. */
    public String channel;
    public String initiationMethod;
    /** The contact's {@code State} text; null when absent. */
    public String state;
    /** {@code StateStartTimestamp}, epoch milliseconds, or null when absent or unparseable. */
    public Long stateStart;
    public String queueArn;
    public String queueName;

    public ContactState() {}

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ContactState)) return false;
        ContactState that = (ContactState) o;
        return Objects.equals(contactId, that.contactId)
                && Objects.equals(initialContactId, that.initialContactId)
                && Objects.equals(channel, that.channel)
                && Objects.equals(initiationMethod, that.initiationMethod)
                && Objects.equals(state, that.state)
                && Objects.equals(stateStart, that.stateStart)
                && Objects.equals(queueArn, that.queueArn)
                && Objects.equals(queueName, that.queueName);
    }

    @Override
    public int hashCode() {
        return Objects.hash(contactId, state, stateStart);
    }

    @Override
    public String toString() {
        return contactId + ":" + state + "@" + stateStart;
    }
}
