package dev.agentanalytics.engine;

import dev.agentanalytics.event.Grouping;

/**
 * Time in one activity (and, for NON_PRODUCTIVE, one status name), with one routing profile and hierarchy, inside
 * the current window.
 */
public class ActivityTime {
    public Activity activity;
    public String statusName;
    public Grouping grouping = new Grouping();
    public long ms;

    public ActivityTime() {}
}
