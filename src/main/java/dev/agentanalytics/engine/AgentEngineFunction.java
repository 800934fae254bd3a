package dev.agentanalytics.engine;

import dev.agentanalytics.config.JobConfig.EngineSettings;
import dev.agentanalytics.event.AgentEvent;
import dev.agentanalytics.output.AgentActivityRow;
import dev.agentanalytics.output.AgentStatusRow;
import dev.agentanalytics.output.AlertRow;
import dev.agentanalytics.output.ContactRow;
import dev.agentanalytics.output.LateEventRow;
import dev.agentanalytics.output.UtcTimes;
import dev.agentanalytics.queue.QueueShare;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.apache.flink.api.common.state.BroadcastState;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ReadOnlyBroadcastState;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * The per-agent engine as a Flink operator, keyed by {@code AgentARN}. The keyed input is the agent's events; the
 * broadcast input carries the sources' {@link EndOfInputReport}s: once every source subtask has reported, time
 * stops at the largest event time of the input (spec section 8), for a replay and for a drained live job alike.
 *
 * <p>Events are de-duplicated by {@code EventId} (before the lateness check), dropped to {@code late_events} when
 * older than the watermark, otherwise buffered until the watermark passes them and then applied in
 * {@code EventTimestamp} order (ties: arrival order) by {@link AgentTimeline}. One maintenance timer per agent
 * follows {@link AgentTimeline#nextDueTime()}. In BATCH mode the keyed input arrives sorted and every timer fires
 * once the agent's input is complete, with the watermark at its maximum.
 *
 * <p>Main output: each agent's {@link QueueShare}s per window; the tables go to the side outputs below.
 */
public class AgentEngineFunction
        extends KeyedBroadcastProcessFunction<String, AgentEvent, EndOfInputReport, QueueShare> {
    private static final long serialVersionUID = 1L;

    public static final OutputTag<AgentStatusRow> AGENT_STATUS = new OutputTag<>("agent_status") {};
    public static final OutputTag<AgentActivityRow> AGENT_ACTIVITY = new OutputTag<>("agent_activity") {};
    public static final OutputTag<ContactRow> CONTACTS = new OutputTag<>("contacts") {};
    public static final OutputTag<AlertRow> ALERTS = new OutputTag<>("alerts") {};
    public static final OutputTag<LateEventRow> LATE_EVENTS = new OutputTag<>("late_events") {};

    /** Broadcast state: the largest reported event time, how many source subtasks there are, which reported. */
    public static final MapStateDescriptor<String, Long> END_OF_INPUT =
            new MapStateDescriptor<>("end-of-input", Types.STRING, Types.LONG);
    private static final String MAX_EVENT_TIME = "max-event-time";
    private static final String SUBTASKS = "subtasks";
    private static final String REPORTED = "reported-";

    public static final ValueStateDescriptor<AgentState> AGENT_STATE =
            new ValueStateDescriptor<>("agent", TypeInformation.of(AgentState.class));
    public static final MapStateDescriptor<Long, List<AgentEvent>> PENDING_EVENTS =
            new MapStateDescriptor<>("pending-events", Types.LONG, Types.LIST(TypeInformation.of(AgentEvent.class)));

    private final EngineSettings settings;

    private transient ValueState<AgentState> agentState;
    private transient MapState<Long, List<AgentEvent>> pending;
    private transient Counter duplicates;
    private transient Counter late;

    public AgentEngineFunction(EngineSettings settings) {
        this.settings = settings;
    }

    @Override
    public void open(Configuration parameters) {
        agentState = getRuntimeContext().getState(AGENT_STATE);
        pending = getRuntimeContext().getMapState(PENDING_EVENTS);
        // Managed Flink forwards only the "kinesisanalytics" metric group to CloudWatch.
        duplicates = getRuntimeContext().getMetricGroup().addGroup("kinesisanalytics").counter("recordsDuplicate");
        late = getRuntimeContext().getMetricGroup().addGroup("kinesisanalytics").counter("recordsLate");
    }

    @Override
    public void processElement(AgentEvent event, ReadOnlyContext ctx, Collector<QueueShare> out) throws Exception {
        AgentState state = agentState.value();
        if (state == null) state = new AgentState();
        if (isDuplicate(state, event)) {
            duplicates.inc();
            agentState.update(state);
            return;
        }
        long watermark = ctx.timerService().currentWatermark();
        if (event.eventTime <= watermark) {
            late.inc();
            ctx.output(LATE_EVENTS, lateRow(event, watermark));
            agentState.update(state);
            return;
        }
        List<AgentEvent> atSameTime = pending.get(event.eventTime);
        if (atSameTime == null) atSameTime = new ArrayList<>(1);
        event.raw = null; // the payload was only needed had the event been late
        atSameTime.add(event);
        pending.put(event.eventTime, atSameTime);
        ctx.timerService().registerEventTimeTimer(event.eventTime);
        agentState.update(state);
    }

    @Override
    public void processBroadcastElement(EndOfInputReport report, Context ctx, Collector<QueueShare> out)
            throws Exception {
        BroadcastState<String, Long> end = ctx.getBroadcastState(END_OF_INPUT);
        Long known = end.get(MAX_EVENT_TIME);
        if (known == null || report.maxEventTime > known) end.put(MAX_EVENT_TIME, report.maxEventTime);
        end.put(SUBTASKS, (long) report.subtasks);
        end.put(REPORTED + report.subtask, 1L);
        Long endTime = endOfInput(end);
        if (endTime != null && ctx.currentWatermark() == Long.MAX_VALUE) {
            // The end of time came before the last report (a live job drained with idle sources): every agent
            // waited for it, and finishes now.
            SideOutputs outputs = SideOutputs.of(ctx, out);
            ctx.applyToKeyedState(AGENT_STATE, (agent, state) -> {
                if (finish(state.value(), endTime, outputs)) {
                    AgentState finished = new AgentState();
                    finished.finished = true;
                    state.update(finished);
                }
            });
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<QueueShare> out) throws Exception {
        long watermark = ctx.timerService().currentWatermark();
        if (watermark == Long.MAX_VALUE) {
            Long end = endOfInput(ctx.getBroadcastState(END_OF_INPUT));
            // Without every source's report the end is not known yet: the last report finishes the agent.
            if (end != null && finish(agentState.value(), end, SideOutputs.of(ctx, out))) {
                agentState.clear();
            }
            return;
        }
        AgentState state = stateToAdvance(agentState.value());
        if (state == null) return;
        if (state.timerAt == timestamp) state.timerAt = Long.MIN_VALUE;
        AgentTimeline timeline = new AgentTimeline(settings, state, SideOutputs.of(ctx, out));
        applyPendingThrough(watermark, timeline);
        timeline.advanceTo(watermark + 1);
        pruneRecentIds(state, watermark + 1 - settings.dedupWindowMs);
        store(state, timeline.nextDueTime(), ctx);
    }

    /** The instant time stops, once every source subtask has reported; null before that (or when unbounded). */
    private static Long endOfInput(ReadOnlyBroadcastState<String, Long> end) throws Exception {
        Long subtasks = end.get(SUBTASKS);
        if (subtasks == null) return null;
        for (int subtask = 0; subtask < subtasks; subtask++) {
            if (!end.contains(REPORTED + subtask)) return null;
        }
        Long max = end.get(MAX_EVENT_TIME);
        return max == Long.MIN_VALUE ? null : max;
    }

    /**
     * End of the input for the current agent: everything buffered is applied and time stops at {@code end}.
     * False when there was nothing to finish.
     */
    private boolean finish(AgentState stored, long end, SideOutputs outputs) throws Exception {
        AgentState state = stateToAdvance(stored);
        if (state == null || state.finished) return false;
        AgentTimeline timeline = new AgentTimeline(settings, state, outputs);
        applyPendingThrough(end, timeline);
        timeline.finish(end);
        pending.clear();
        return true;
    }

    /**
     * The agent's state to move forward: the stored one, a new one for an agent that has only buffered events,
     * or null when an earlier timer of this agent already did all there was to do.
     */
    private AgentState stateToAdvance(AgentState stored) throws Exception {
        if (stored != null) return stored;
        return pending.isEmpty() ? null : new AgentState();
    }

    private void applyPendingThrough(long time, AgentTimeline timeline) throws Exception {
        List<Long> due = new ArrayList<>();
        for (Long eventTime : pending.keys()) {
            if (eventTime <= time) due.add(eventTime);
        }
        Collections.sort(due);
        for (Long eventTime : due) {
            for (AgentEvent event : pending.get(eventTime)) {
                timeline.apply(event);
            }
            pending.remove(eventTime);
        }
    }

    /** Keeps one maintenance timer at the next due time, and clears the agent once nothing is left. */
    private void store(AgentState state, long dueTime, OnTimerContext ctx) throws Exception {
        if (!state.sessionOpen && state.tally == null && state.recentEventIds.length > 0) {
            dueTime = Math.min(dueTime, state.newestEventTime + settings.dedupWindowMs);
        }
        if (dueTime != state.timerAt) {
            if (state.timerAt != Long.MIN_VALUE) ctx.timerService().deleteEventTimeTimer(state.timerAt);
            state.timerAt = Long.MIN_VALUE;
            if (dueTime != Long.MAX_VALUE) {
                ctx.timerService().registerEventTimeTimer(dueTime);
                state.timerAt = dueTime;
            }
        }
        if (state.isIdle() && pending.isEmpty()) {
            if (state.loggedOut) {
                // Only the fact that the agent logged out outlives its session (heart beats follow a logout).
                AgentState mark = new AgentState();
                mark.agentArn = state.agentArn;
                mark.loggedOut = true;
                mark.accruedTo = state.accruedTo;
                agentState.update(mark);
            } else {
                agentState.clear();
            }
        } else {
            agentState.update(state);
        }
    }

    /**
     * Remembers the event's id; true when the agent already sent it. Ids are forgotten only once the watermark is
     * a de-duplication window past them (an older copy would be late anyway), so a bounded replay, whose
     * watermark stays at its minimum until the end, remembers every id of the agent whatever the input order.
     */
    private boolean isDuplicate(AgentState state, AgentEvent event) {
        if (event.eventId == null) return false;
        for (String id : state.recentEventIds) {
            if (id.equals(event.eventId)) return true;
        }
        state.newestEventTime = Math.max(state.newestEventTime, event.eventTime);
        int n = state.recentEventIds.length;
        state.recentEventIds = Arrays.copyOf(state.recentEventIds, n + 1);
        state.recentEventTimes = Arrays.copyOf(state.recentEventTimes, n + 1);
        state.recentEventIds[n] = event.eventId;
        state.recentEventTimes[n] = event.eventTime;
        return false;
    }

    /** Forgets ids of events older than {@code before}: memory stays bounded by the de-duplication window. */
    private static void pruneRecentIds(AgentState state, long before) {
        int keep = 0;
        for (long time : state.recentEventTimes) {
            if (time >= before) keep++;
        }
        if (keep == state.recentEventIds.length) return;
        String[] ids = new String[keep];
        long[] times = new long[keep];
        int i = 0;
        for (int j = 0; j < state.recentEventIds.length; j++) {
            if (state.recentEventTimes[j] >= before) {
                ids[i] = state.recentEventIds[j];
                times[i++] = state.recentEventTimes[j];
            }
        }
        state.recentEventIds = ids;
        state.recentEventTimes = times;
    }

    private static LateEventRow lateRow(AgentEvent event, long watermark) {
        LateEventRow row = new LateEventRow();
        row.agentArn = event.agentArn;
        row.eventId = event.eventId;
        row.eventType = event.eventType;
        row.eventTimestamp = UtcTimes.iso(event.eventTime);
        row.watermark = UtcTimes.iso(watermark);
        row.lateByMs = watermark - event.eventTime;
        row.payload = event.raw == null ? null : new String(event.raw, StandardCharsets.UTF_8);
        return row;
    }

    /** Routes the timeline's rows to this operator's outputs, from either kind of context. */
    private abstract static class SideOutputs implements TimelineOutput {
        private final Collector<QueueShare> out;

        SideOutputs(Collector<QueueShare> out) {
            this.out = out;
        }

        abstract <X> void output(OutputTag<X> tag, X row);

        static SideOutputs of(KeyedBroadcastProcessFunction<?, ?, ?, ?>.ReadOnlyContext ctx,
                              Collector<QueueShare> out) {
            return new SideOutputs(out) {
                @Override
                <X> void output(OutputTag<X> tag, X row) {
                    ctx.output(tag, row);
                }
            };
        }

        static SideOutputs of(KeyedBroadcastProcessFunction<?, ?, ?, ?>.Context ctx, Collector<QueueShare> out) {
            return new SideOutputs(out) {
                @Override
                <X> void output(OutputTag<X> tag, X row) {
                    ctx.output(tag, row);
                }
            };
        }

        @Override
        public void status(AgentStatusRow row) {
            output(AGENT_STATUS, row);
        }

        @Override
        public void activity(AgentActivityRow row) {
            output(AGENT_ACTIVITY, row);
        }

        @Override
        public void contact(ContactRow row) {
            output(CONTACTS, row);
        }

        @Override
        public void queueShare(QueueShare share) {
            out.collect(share);
        }

        @Override
        public void alert(AlertRow row) {
            output(ALERTS, row);
        }
    }
}
