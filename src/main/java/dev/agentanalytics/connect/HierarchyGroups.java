package dev.agentanalytics.connect;

/** Up to five levels of the agent hierarchy (for example region, site, team). */
public final class HierarchyGroups {
    public HierarchyGroup level1;
    public HierarchyGroup level2;
    public HierarchyGroup level3;
    public HierarchyGroup level4;
    public HierarchyGroup level5;
}
