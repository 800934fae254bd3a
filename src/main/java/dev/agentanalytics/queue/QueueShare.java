package dev.agentanalytics.queue;

/**
 * One agent's part of one queue in one window: agent-milliseconds by activity and the legs it handled there.
 * Pre-aggregated per agent (one per agent and window, never one per event), then summed per engine subtask
 * ({@link QueueShareCombiner}): a queue served by thousands of agents gets a few records per window. A share is
 * also such a sum: adding shares in any grouping or order gives the same total.
 */
public class QueueShare {
    public String queueArn;
    /** Name in the latest served interval; null when the agent only handled a contact of this queue. */
    public String queueName;
    /** End of the latest served interval that carried {@link #queueName}; Long.MIN_VALUE when none. */
    public long nameAt = Long.MIN_VALUE;
    public long windowStart;
    public long availableMs;
    public long onContactMs;
    public long acwMs;
    public long incomingMs;
    public long nonProductiveMs;
    public long errorMs;
    public long offlineMs;
    public long contactsHandled;
    public long handleMsSum;

    public QueueShare() {}

    public QueueShare(String queueArn, long windowStart) {
        this.queueArn = queueArn;
        this.windowStart = windowStart;
    }

    public long staffedMs() {
        return availableMs + onContactMs + acwMs + incomingMs + nonProductiveMs + errorMs + offlineMs;
    }

    /** Adds another share of the same queue and window; the name of the later served interval wins, even null. */
    public void add(QueueShare other) {
        availableMs += other.availableMs;
        onContactMs += other.onContactMs;
        acwMs += other.acwMs;
        incomingMs += other.incomingMs;
        nonProductiveMs += other.nonProductiveMs;
        errorMs += other.errorMs;
        offlineMs += other.offlineMs;
        contactsHandled += other.contactsHandled;
        handleMsSum += other.handleMsSum;
        // The latest served interval's name, null too (docs/analytics.md §4.4); at the same instant a name before
        // none and the first in order, so that shares give the same name whatever order they are added in.
        if (other.nameAt > nameAt || (other.nameAt == nameAt && other.queueName != null
                && (queueName == null || other.queueName.compareTo(queueName) < 0))) {
            queueName = other.queueName;
            nameAt = other.nameAt;
        }
    }

    @Override
    public String toString() {
        return queueName + "@" + windowStart + " staffed=" + staffedMs() + " handled=" + contactsHandled;
    }
}
