package dev.agentanalytics.connect;

/** A status the agent chose while busy, applied when its contacts are cleared. */
public final class NextAgentStatus {
    public String arn;
    public String name;
    /** {@code EnqueuedTimestamp}, also spelled {@code EnqueueTimestamp}; epoch milliseconds or null. */
    public Long enqueuedTimestamp;
}
