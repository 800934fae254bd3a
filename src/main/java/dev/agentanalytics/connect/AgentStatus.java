package dev.agentanalytics.connect;

/** The agent's status: a name chosen by the instance and a type (ROUTABLE, CUSTOM, OFFLINE) in newer events. */
public final class AgentStatus {
    public String arn;
    public String name;
    /** Epoch milliseconds, or null when absent or unparseable. */
    public Long startTimestamp;
    /** ROUTABLE, CUSTOM, OFFLINE or a newer value; null in older events (never guessed from the name). */
    public String type;
}
