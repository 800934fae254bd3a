package dev.agentanalytics.connect;

import java.util.List;

/** A queue reference; {@code channels} is present on routing-profile queues in newer events. */
public final class Queue {
    /** The agent's own queue has an ARN path of {@code /queue/agent/}. */
    public static final String AGENT_QUEUE_PATH = "/queue/agent/";

    public String arn;
    public String name;
    public List<String> channels = List.of();

    public boolean isAgentQueue() {
        return arn != null && arn.contains(AGENT_QUEUE_PATH);
    }
}
