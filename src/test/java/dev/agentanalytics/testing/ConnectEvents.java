package dev.agentanalytics.testing;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Agent events as Amazon Connect writes them (one JSON object per line), for tests that replay files through the
 * whole job. Times are {@code HH:mm:ss[.SSS]} on {@link Events#DAY}, UTC.
 *
 * <pre>
 * ConnectEvents.of(agent, "e1", "LOGIN", "08:00:00").status("Available", "ROUTABLE").serves(BILLING).json()
 * </pre>
 */
public final class ConnectEvents {
    private static final DateTimeFormatter CONNECT_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    public static final String BILLING_ARN = "arn:aws:connect:us-east-1:1:instance/i/queue/q-billing";

    private final String agentArn;
    private final String eventId;
    private final String eventType;
    private final String timestamp;
    private String username = "alex";
    private String statusName;
    private String statusType;
    private final List<String> queues = new ArrayList<>();
    private final List<String> contacts = new ArrayList<>();

    private ConnectEvents(String agentArn, String eventId, String eventType, String timestamp) {
        this.agentArn = agentArn;
        this.eventId = eventId;
        this.eventType = eventType;
        this.timestamp = timestamp;
    }

    public static ConnectEvents of(String agentArn, String eventId, String eventType, String time) {
        return new ConnectEvents(agentArn, eventId, eventType, instant(time));
    }

    /** An event at any instant (a live test stamps its events with the wall clock). */
    public static ConnectEvents at(String agentArn, String eventId, String eventType, Instant time) {
        return new ConnectEvents(agentArn, eventId, eventType, CONNECT_TIME.format(time));
    }

    public ConnectEvents username(String name) {
        this.username = name;
        return this;
    }

    public ConnectEvents status(String name, String type) {
        this.statusName = name;
        this.statusType = type;
        return this;
    }

    /** The routing profile lists the Billing queue. */
    public ConnectEvents servesBilling() {
        queues.add("{\"ARN\":\"" + BILLING_ARN + "\",\"Name\":\"Billing\",\"Channels\":[\"VOICE\"]}");
        return this;
    }

    /** An inbound voice contact of the Billing queue in {@code state} since {@code stateStart}. */
    public ConnectEvents contact(String contactId, String state, String stateStart) {
        contacts.add("{\"ContactId\":\"" + contactId + "\",\"Channel\":\"VOICE\",\"InitiationMethod\":\"INBOUND\","
                + "\"InitialContactId\":null,\"Queue\":{\"ARN\":\"" + BILLING_ARN + "\",\"Name\":\"Billing\"},"
                + "\"State\":\"" + state + "\",\"StateStartTimestamp\":\"" + instant(stateStart) + "\"}");
        return this;
    }

    public String json() {
        return "{\"AgentARN\":\"" + agentArn + "\",\"EventId\":\"" + eventId + "\",\"EventType\":\"" + eventType
                + "\",\"EventTimestamp\":\"" + timestamp + "\",\"Version\":\"2019-05-25\","
                + "\"CurrentAgentSnapshot\":{\"AgentStatus\":{\"Name\":\"" + statusName + "\",\"Type\":\"" + statusType
                + "\"},\"Configuration\":{\"Username\":\"" + username + "\",\"RoutingProfile\":{\"Name\":\"Voice\","
                + "\"InboundQueues\":[" + String.join(",", queues) + "]}},\"Contacts\":[" + String.join(",", contacts)
                + "]}}";
    }

    private static String instant(String hhmmss) {
        return Events.DAY + "T" + (hhmmss.contains(".") ? hhmmss : hhmmss + ".000") + "Z";
    }
}
