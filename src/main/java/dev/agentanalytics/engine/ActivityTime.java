package dev.agentanalytics.engine;

/** Time in one activity (and, for NON_PRODUCTIVE, one status name) inside the current window. */
public class ActivityTime {
    public Activity activity;
    public String statusName;
    public long ms;

    public ActivityTime() {}
}
