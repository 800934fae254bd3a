package dev.agentanalytics.connect;

/** One agent event as Amazon Connect publishes it to the agent event stream. */
public final class ConnectAgentEvent {
    public String awsAccountId;
    public String agentArn;
    public String eventId;
    /** Epoch milliseconds of {@code EventTimestamp}; always present on a valid record. */
    public long eventTimestamp;
    /** LOGIN, LOGOUT, STATE_CHANGE, HEART_BEAT, or any newer value, kept as text. */
    public String eventType;
    public String instanceArn;
    public String version;
    /** Null when the record has none: the agent then has an empty state. */
    public AgentSnapshot currentAgentSnapshot;
    /** Informational only: never used to derive transitions. */
    public AgentSnapshot previousAgentSnapshot;
}
