package dev.agentanalytics.endofinput;

import org.apache.flink.api.common.state.BroadcastState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ReadOnlyBroadcastState;
import org.apache.flink.api.common.typeinfo.Types;

/**
 * Step 2 of the end of input (see the package): the engine's record of the reports, in broadcast state, and the
 * instant time stops once every source subtask has reported: the largest {@code EventTimestamp} of the whole
 * input (docs/analytics.md §3.6).
 */
public final class EndOfInput {
    /** The largest reported event time, how many source subtasks there are, and which of them reported. */
    public static final MapStateDescriptor<String, Long> REPORTS =
            new MapStateDescriptor<>("end-of-input", Types.STRING, Types.LONG);
    private static final String MAX_EVENT_TIME = "max-event-time";
    private static final String SUBTASKS = "subtasks";
    private static final String REPORTED = "reported-";

    private EndOfInput() {}

    public static void record(BroadcastState<String, Long> reports, EndOfInputReport report) throws Exception {
        Long known = reports.get(MAX_EVENT_TIME);
        if (known == null || report.maxEventTime > known) reports.put(MAX_EVENT_TIME, report.maxEventTime);
        reports.put(SUBTASKS, (long) report.subtasks);
        reports.put(REPORTED + report.subtask, 1L);
    }

    /**
     * The instant time stops, once every source subtask has reported; null before that, and for an input without
     * a single valid event (nothing to finish).
     */
    public static Long time(ReadOnlyBroadcastState<String, Long> reports) throws Exception {
        Long subtasks = reports.get(SUBTASKS);
        if (subtasks == null) return null;
        for (int subtask = 0; subtask < subtasks; subtask++) {
            if (!reports.contains(REPORTED + subtask)) return null;
        }
        Long max = reports.get(MAX_EVENT_TIME);
        return max == Long.MIN_VALUE ? null : max;
    }
}
