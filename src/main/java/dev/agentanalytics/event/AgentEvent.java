package dev.agentanalytics.event;

import java.util.Arrays;
import java.util.Objects;

/**
 * One valid agent event, reduced to what the job computes with. Flink POJO: public fields, no-arg constructor.
 */
public class AgentEvent {
    public static final String LOGIN = "LOGIN";
    public static final String LOGOUT = "LOGOUT";
    public static final String STATE_CHANGE = "STATE_CHANGE";
    public static final String HEART_BEAT = "HEART_BEAT";

    /** Null when the record has none: such a record is never treated as a duplicate. */
    public String eventId;
    public String agentArn;
    /** Kept as text: an unknown type is not an error. */
    public String eventType;
    /** {@code EventTimestamp}, epoch milliseconds. */
    public long eventTime;
    public String username;
    /** {@code AgentStatus.Name}; null when the snapshot has no status. */
    public String statusName;
    /** {@code AgentStatus.Type}; null when absent (never guessed from the name). */
    public String statusType;
    /** Routing profile and hierarchy names; never null (all fields null when the snapshot has none). */
    public Grouping grouping = new Grouping();
    /** Inbound queues of the routing profile, without the agent's own queue. */
    public ServedQueue[] queues = new ServedQueue[0];
    public ContactState[] contacts = new ContactState[0];
    /**
     * The record as received, kept only when the event may turn out late downstream (it was already behind the
     * source's watermark), so that {@code late_events} can hold it; null otherwise.
     */
    public byte[] raw;
    /** Where the record stood in its input ({@link Arrival}): the order of events with the same timestamp. */
    public byte[] arrival;

    public AgentEvent() {}

    public boolean isType(String type) {
        return type.equals(eventType);
    }

    /**
     * Negative when this event is applied before {@code other}: by {@code EventTimestamp}, and events with the same
     * timestamp in arrival order (docs/analytics.md §3.6).
     */
    public int compareOrder(AgentEvent other) {
        if (eventTime != other.eventTime) return Long.compare(eventTime, other.eventTime);
        return Arrival.compare(arrival, other.arrival);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) return true;
        if (!(o instanceof AgentEvent)) return false;
        AgentEvent that = (AgentEvent) o;
        return eventTime == that.eventTime
                && Objects.equals(eventId, that.eventId)
                && Objects.equals(agentArn, that.agentArn)
                && Objects.equals(eventType, that.eventType)
                && Objects.equals(username, that.username)
                && Objects.equals(statusName, that.statusName)
                && Objects.equals(statusType, that.statusType)
                && Objects.equals(grouping, that.grouping)
                && Arrays.equals(queues, that.queues)
                && Arrays.equals(contacts, that.contacts)
                && Arrays.equals(raw, that.raw)
                && Arrays.equals(arrival, that.arrival);
    }

    @Override
    public int hashCode() {
        return Objects.hash(eventId, agentArn, eventType, eventTime);
    }

    @Override
    public String toString() {
        return eventType + "@" + eventTime + " " + agentArn + " status=" + statusName + "/" + statusType
                + " contacts=" + Arrays.toString(contacts) + " queues=" + Arrays.toString(queues);
    }
}
