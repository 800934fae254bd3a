package dev.agentanalytics.connect;

/** How many contacts of one channel the routing profile allows at once, and how many slots are free. */
public final class ChannelConcurrency {
    public String channel;
    public Integer availableSlots;
    public Integer maximumSlots;
}
