package dev.agentanalytics.connect;

import java.util.List;

/** Who the agent is and how contacts are routed to it. */
public final class AgentConfiguration {
    public String firstName;
    public String lastName;
    public String username;
    public HierarchyGroups agentHierarchyGroups;
    public RoutingProfile routingProfile;
    public List<Proficiency> proficiencies = List.of();
    public Integer autoAccept;
}
