package dev.agentanalytics.connect;

import java.util.List;

/** The agent's whole state at one instant: status, configuration and the contacts it is handling. */
public final class AgentSnapshot {
    public AgentStatus agentStatus;
    public NextAgentStatus nextAgentStatus;
    public AgentConfiguration configuration;
    /** Never null: a missing or null {@code Contacts} is an empty list. */
    public List<Contact> contacts = List.of();
}
