package dev.agentanalytics.engine;

import dev.agentanalytics.event.Grouping;
import dev.agentanalytics.queue.QueueShare;
import java.util.Arrays;
import java.util.Objects;

/**
 * What one agent accrued in the window it is in: time per status and per activity (each with the grouping it was
 * spent in, docs/analytics.md §4.1), per served queue, plus the legs it completed there. Small arrays with linear lookups: an agent sees a handful of each per window.
 */
public class WindowTally {
    public long windowStart;
    /** The agent's username in its latest counted interval of the window. */
    public String username;
    public StatusTime[] statuses = new StatusTime[0];
    public ActivityTime[] activities = new ActivityTime[0];
    public QueueShare[] queues = new QueueShare[0];

    public WindowTally() {}

    WindowTally(long windowStart) {
        this.windowStart = windowStart;
    }

    void addStatus(String statusName, String statusType, Grouping grouping, long ms) {
        for (StatusTime status : statuses) {
            if (Objects.equals(status.statusName, statusName) && status.grouping.equals(grouping)) {
                status.statusType = statusType;
                status.ms += ms;
                return;
            }
        }
        StatusTime status = new StatusTime();
        status.statusName = statusName;
        status.statusType = statusType;
        status.grouping = grouping;
        status.ms = ms;
        statuses = append(statuses, status);
    }

    void addActivity(Activity activity, String statusName, Grouping grouping, long ms) {
        String reason = activity == Activity.NON_PRODUCTIVE ? statusName : null;
        for (ActivityTime time : activities) {
            if (time.activity == activity && Objects.equals(time.statusName, reason)
                    && time.grouping.equals(grouping)) {
                time.ms += ms;
                return;
            }
        }
        ActivityTime time = new ActivityTime();
        time.activity = activity;
        time.statusName = reason;
        time.grouping = grouping;
        time.ms = ms;
        activities = append(activities, time);
    }

    QueueShare queue(String queueArn) {
        for (QueueShare share : queues) {
            if (share.queueArn.equals(queueArn)) return share;
        }
        QueueShare share = new QueueShare(queueArn, windowStart);
        queues = append(queues, share);
        return share;
    }

    /** Adds {@code ms} of agent time in {@code activity} to the queue, whose name holds until {@code until}. */
    void addQueueTime(String queueArn, String queueName, Activity activity, long ms, long until) {
        QueueShare share = queue(queueArn);
        share.queueName = queueName;
        share.nameAt = until;
        switch (activity) {
            case AVAILABLE:
                share.availableMs += ms;
                break;
            case ON_CONTACT:
                share.onContactMs += ms;
                break;
            case AFTER_CONTACT_WORK:
                share.acwMs += ms;
                break;
            case INCOMING:
                share.incomingMs += ms;
                break;
            case NON_PRODUCTIVE:
                share.nonProductiveMs += ms;
                break;
            case OFFLINE:
                share.offlineMs += ms;
                break;
            default: // ERROR, MISSED, REJECTED
                share.errorMs += ms;
        }
    }

    private static <T> T[] append(T[] items, T item) {
        T[] grown = Arrays.copyOf(items, items.length + 1);
        grown[items.length] = item;
        return grown;
    }
}
