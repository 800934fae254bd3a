package dev.agentanalytics.testing;

import dev.agentanalytics.event.AgentEvent;
import dev.agentanalytics.event.Arrival;
import dev.agentanalytics.event.ContactState;
import dev.agentanalytics.event.Grouping;
import dev.agentanalytics.event.ServedQueue;
import dev.agentanalytics.output.UtcTimes;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds compact {@link AgentEvent}s for engine tests, with times written as {@code "08:00:00"} or
 * {@code "08:00:00.250"} on {@link #DAY} (UTC).
 *
 * <pre>
 * Events.login("08:00:00").status("Available", "ROUTABLE").queue(BILLING).build()
 * Events.stateChange("08:05:00").status("Available", "ROUTABLE")
 *       .contact("c1", "CONNECTED", "08:04:58").queueOf("c1", BILLING).build()
 * </pre>
 */
public final class Events {
    public static final String DAY = "2024-05-06";
    public static final String AGENT = "arn:aws:connect:us-east-1:111122223333:instance/i-1/agent/a-1";
    public static final String AGENT_2 = "arn:aws:connect:us-east-1:111122223333:instance/i-1/agent/a-2";
    public static final ServedQueue BILLING =
            new ServedQueue("arn:aws:connect:us-east-1:111122223333:instance/i-1/queue/q-billing", "Billing");
    public static final ServedQueue SUPPORT =
            new ServedQueue("arn:aws:connect:us-east-1:111122223333:instance/i-1/queue/q-support", "Tech Support");

    private final AgentEvent event = new AgentEvent();
    private final List<ContactState> contacts = new ArrayList<>();
    private final List<ServedQueue> queues = new ArrayList<>();
    private static int nextId;

    private Events(String type, String time) {
        event.eventType = type;
        event.eventTime = at(time);
        event.agentArn = AGENT;
        event.username = "alex";
        event.eventId = "e-" + (++nextId);
    }

    /** Epoch milliseconds of {@code HH:mm:ss[.SSS]} on {@link #DAY}, UTC. */
    public static long at(String time) {
        String full = time.contains(".") ? time : time + ".000";
        return UtcTimes.parse(DAY + "T" + full + "Z");
    }

    /** ISO text of {@code HH:mm:ss[.SSS]} on {@link #DAY}, as rows write it. */
    public static String iso(String time) {
        return UtcTimes.iso(at(time));
    }

    public static Events login(String time) {
        return new Events(AgentEvent.LOGIN, time);
    }

    public static Events logout(String time) {
        return new Events(AgentEvent.LOGOUT, time).status("Offline", "OFFLINE");
    }

    public static Events stateChange(String time) {
        return new Events(AgentEvent.STATE_CHANGE, time);
    }

    public static Events heartBeat(String time) {
        return new Events(AgentEvent.HEART_BEAT, time);
    }

    public static Events ofType(String type, String time) {
        return new Events(type, time);
    }

    public Events agent(String agentArn) {
        event.agentArn = agentArn;
        return this;
    }

    public Events id(String eventId) {
        event.eventId = eventId;
        return this;
    }

    public Events username(String username) {
        event.username = username;
        return this;
    }

    public Events status(String name, String type) {
        event.statusName = name;
        event.statusType = type;
        return this;
    }

    /** The routing profile's name and the hierarchy levels' names (Level1 first). */
    public Events grouping(String routingProfile, String... levels) {
        event.grouping = new Grouping(routingProfile, levels);
        return this;
    }

    public Events available() {
        return status("Available", "ROUTABLE");
    }

    /** The event's place in its input: the {@code ordinal}-th record. */
    public Events arrival(long ordinal) {
        event.arrival = Arrival.ofOrdinal(ordinal);
        return this;
    }

    public Events queue(ServedQueue queue) {
        queues.add(queue);
        return this;
    }

    /** A VOICE contact from the BILLING queue, inbound; {@code stateStart} may be null. */
    public Events contact(String contactId, String state, String stateStart) {
        ContactState contact = new ContactState();
        contact.contactId = contactId;
        contact.state = state;
        contact.stateStart = stateStart == null ? null : at(stateStart);
        contact.channel = "VOICE";
        contact.initiationMethod = "INBOUND";
        contact.queueArn = BILLING.arn;
        contact.queueName = BILLING.name;
        contacts.add(contact);
        return this;
    }

    /** Changes the last added contact's channel, initiation method and queue. */
    public Events via(String channel, String initiationMethod, ServedQueue queue) {
        ContactState contact = contacts.get(contacts.size() - 1);
        contact.channel = channel;
        contact.initiationMethod = initiationMethod;
        contact.queueArn = queue.arn;
        contact.queueName = queue.name;
        return this;
    }

    /** Sets the last added contact's InitialContactId (a transfer). */
    public Events transferredFrom(String initialContactId) {
        contacts.get(contacts.size() - 1).initialContactId = initialContactId;
        return this;
    }

    public AgentEvent build() {
        event.contacts = contacts.toArray(new ContactState[0]);
        event.queues = queues.toArray(new ServedQueue[0]);
        return event;
    }
}
