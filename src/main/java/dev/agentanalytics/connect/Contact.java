package dev.agentanalytics.connect;

/** One contact leg the agent is handling, as listed in a snapshot. */
public final class Contact {
    public String contactId;
    /** The first contact of a transfer chain; null unless transferred. */
    public String initialContactId;
    /** VOICE, CHAT, TASK (TASKS is the same channel) or a newer value. */
    public String channel;
    /** INBOUND, OUTBOUND, TRANSFER, CALLBACK, API, QUEUE_TRANSFER, MONITOR, or a newer value. */
    public String initiationMethod;
    /** INCOMING, PENDING, CONNECTING, CONNECTED, CONNECTED_ONHOLD, MISSED, ERROR, REJECTED, ENDED, PAUSED, ... */
    public String state;
    public Long stateStartTimestamp;
    public Long connectedToAgentTimestamp;
    public Long queueTimestamp;
    public Queue queue;
}
