package dev.agentanalytics.engine;

/** Time in one status inside the current window. */
public class StatusTime {
    public String statusName;
    public String statusType;
    public long ms;

    public StatusTime() {}
}
