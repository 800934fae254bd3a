package dev.agentanalytics.connect;

/** One level of the agent hierarchy. */
public final class HierarchyGroup {
    public String arn;
    public String name;
}
