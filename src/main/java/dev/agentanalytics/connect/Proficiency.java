package dev.agentanalytics.connect;

/** A routing proficiency of the agent: an attribute name and value at a level (1 to 5). */
public final class Proficiency {
    public String name;
    public String value;
    public Double level;
}
