package dev.agentanalytics.engine;

import dev.agentanalytics.event.Grouping;

/** Time in one status, with one routing profile and hierarchy, inside the current window. */
public class StatusTime {
    public String statusName;
    public String statusType;
    public Grouping grouping = new Grouping();
    public long ms;

    public StatusTime() {}
}
