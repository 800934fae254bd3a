package dev.agentanalytics.engine;

import java.util.Arrays;

/**
 * The ids of the events an agent sent within the de-duplication window, oldest first (docs/analytics.md §3.7).
 * Ids older than the window are forgotten as event time moves on, in every runtime mode, so what an agent
 * remembers, and what each event costs to check, stays bounded by the window however long the agent's history.
 */
public class RecentEventIds {
    public String[] ids = new String[0];
    /** {@code EventTimestamp} of each id, ascending. */
    public long[] times = new long[0];

    public RecentEventIds() {}

    /** The event time remembered with {@code id}, or null when the id is not remembered. */
    Long timeOf(String id) {
        for (int i = ids.length - 1; i >= 0; i--) {
            if (ids[i].equals(id)) return times[i];
        }
        return null;
    }

    /** Remembers {@code id} as sent at {@code time}; events mostly come in time order, so this mostly appends. */
    void remember(String id, long time) {
        int at = times.length;
        while (at > 0 && times[at - 1] > time) at--;
        String[] newIds = new String[ids.length + 1];
        long[] newTimes = new long[times.length + 1];
        System.arraycopy(ids, 0, newIds, 0, at);
        System.arraycopy(times, 0, newTimes, 0, at);
        newIds[at] = id;
        newTimes[at] = time;
        System.arraycopy(ids, at, newIds, at + 1, ids.length - at);
        System.arraycopy(times, at, newTimes, at + 1, times.length - at);
        ids = newIds;
        times = newTimes;
    }

    /** Forgets {@code id}. */
    void forget(String id) {
        for (int i = 0; i < ids.length; i++) {
            if (ids[i].equals(id)) {
                String[] newIds = new String[ids.length - 1];
                long[] newTimes = new long[times.length - 1];
                System.arraycopy(ids, 0, newIds, 0, i);
                System.arraycopy(times, 0, newTimes, 0, i);
                System.arraycopy(ids, i + 1, newIds, i, ids.length - i - 1);
                System.arraycopy(times, i + 1, newTimes, i, times.length - i - 1);
                ids = newIds;
                times = newTimes;
                return;
            }
        }
    }

    /** Forgets every id sent before {@code time}. */
    void forgetBefore(long time) {
        int keepFrom = 0;
        while (keepFrom < times.length && times[keepFrom] < time) keepFrom++;
        if (keepFrom == 0) return;
        ids = Arrays.copyOfRange(ids, keepFrom, ids.length);
        times = Arrays.copyOfRange(times, keepFrom, times.length);
    }

    boolean isEmpty() {
        return ids.length == 0;
    }

    int size() {
        return ids.length;
    }

    /** Event time of the oldest remembered id; only when not empty. */
    long oldestTime() {
        return times[0];
    }
}
