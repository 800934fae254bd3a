package dev.agentanalytics.connect;

import java.util.List;

/** The queues an agent takes contacts from, and how many at once per channel. */
public final class RoutingProfile {
    public String arn;
    public String name;
    public Queue defaultOutboundQueue;
    /** Includes the agent's own queue ({@code .../queue/agent/<id>}). */
    public List<Queue> inboundQueues = List.of();
    public List<ChannelConcurrency> concurrency = List.of();
}
