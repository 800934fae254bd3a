package dev.agentanalytics.engine;

import dev.agentanalytics.config.JobConfig.EngineSettings;
import dev.agentanalytics.config.StateCompatibility;
import dev.agentanalytics.endofinput.EndOfInput;
import dev.agentanalytics.endofinput.EndOfInputReport;
import dev.agentanalytics.event.AgentEvent;
import dev.agentanalytics.event.AgentEventSerializer;
import dev.agentanalytics.event.EncodedEvent;
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
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeutils.base.ListSerializer;
import org.apache.flink.api.common.typeutils.base.LongSerializer;
import org.apache.flink.metrics.Counter;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.streaming.api.TimerService;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * The per-agent engine as a Flink operator, keyed by {@code AgentARN}. The keyed input is the agent's events; the
 * broadcast input carries the sources' {@link EndOfInputReport}s (package {@code endofinput}): once every source
 * subtask has reported, time stops at the largest event time of the input (docs/analytics.md §3.6).
 *
 * <p>Each event is de-duplicated by {@code EventId}, then (live) dropped to {@code late_events} when the watermark
 * has passed it, otherwise buffered until the watermark passes it and applied by {@link AgentTimeline} in
 * {@code EventTimestamp} order, events with the same timestamp in arrival order (§3.7). In BATCH mode Flink hands
 * over each agent's events sorted by timestamp (ties in no particular order) with no watermark until the agent's
 * input is complete: an event is applied as soon as one with a later timestamp arrives, so only the events of one
 * instant are ever buffered, and event ids are forgotten as in a live run, a de-duplication window behind.
 *
 * <p>Each agent has one timer, at the earliest of: its first buffered event, {@link AgentTimeline#nextDueTime()}
 * (a window to emit, a deadline), and the expiry of its oldest remembered event id. An agent with nothing left
 * to count, to expire or to remember leaves no state and no timer behind.
 *
 * <p>A live job runs it in {@link AgentEngineOperator}, which on RocksDB keeps the agents' states on the heap between
 * checkpoints ({@link AgentStates}); every read and write of an agent's state goes through {@code states}.
 *
 * <p>Input: each event as its sources encoded it ({@link EncodedEvent}), decoded here. Main output: each agent's
 * {@link QueueShare}s per window; the tables go to the side outputs below.
 */
public class AgentEngineFunction
        extends KeyedBroadcastProcessFunction<String, EncodedEvent, EndOfInputReport, QueueShare>
        implements CheckpointedFunction {
    private static final long serialVersionUID = 1L;

    public static final OutputTag<AgentStatusRow> AGENT_STATUS = new OutputTag<>("agent_status") {};
    public static final OutputTag<AgentActivityRow> AGENT_ACTIVITY = new OutputTag<>("agent_activity") {};
    public static final OutputTag<ContactRow> CONTACTS = new OutputTag<>("contacts") {};
    public static final OutputTag<AlertRow> ALERTS = new OutputTag<>("alerts") {};
    public static final OutputTag<LateEventRow> LATE_EVENTS = new OutputTag<>("late_events") {};

    public static final ValueStateDescriptor<AgentState> AGENT_STATE =
            new ValueStateDescriptor<>("agent", AgentStateSerializerV5.INSTANCE);
    /**
     * Above this many events waiting in an agent's state, the events of a further instant wait in {@link #OVERFLOW}
     * instead: the state is read and written at every arrival, so while the watermark stands still (a shard far
     * behind the others in a catch-up, an input not yet idle) it would otherwise carry every waiting event (about a
     * kilobyte each), and the bytes written would grow with the square of the backlog. An instant in the map costs
     * the state about ten bytes (its entry; the ids of its events, some fifty bytes each, are kept for
     * de-duplication either way): still more per arrival as the backlog grows, but a twentieth of it. Eight is more
     * than a catch-up's one-second watermark step leaves waiting (about four), so the usual event never meets the
     * map; with two, such a step cost a fifth more (docs/performance.md).
     */
    static final int INLINE_WAITING = 8;
    /**
     * The events of an agent's instants that arrived while its state held {@link #INLINE_WAITING} waiting events, by
     * {@code EventTimestamp}, each list in the order they apply (§3.7). The agent's state lists the instants held
     * here, among its own waiting events ({@link WaitingEvent#inOverflow()}). Named as in layouts v1 and v2, which
     * kept all waiting events here; a state restored from those has no list of them (v2's is dropped when it is
     * read), and lists them when the agent is first touched.
     */
    public static final MapStateDescriptor<Long, List<AgentEvent>> OVERFLOW = new MapStateDescriptor<>(
            "pending-events", LongSerializer.INSTANCE, new ListSerializer<>(AgentEventSerializer.INSTANCE));

    private final EngineSettings settings;
    private final boolean batch;

    private transient ValueState<AgentState> agentState;
    /** The agents' states as the engine reads and writes them: {@link #agentState}, or kept on the heap. */
    private transient AgentStates states;
    private transient MapState<Long, List<AgentEvent>> overflow;
    private transient Counter applied;
    private transient Counter duplicates;
    private transient Counter late;

    /** {@code batch}: the job runs in BATCH mode, where each agent's input arrives sorted by timestamp. */
    public AgentEngineFunction(EngineSettings settings, boolean batch) {
        this.settings = settings;
        this.batch = batch;
    }

    @Override
    public void initializeState(FunctionInitializationContext context) throws Exception {
        StateCompatibility.check(context.getOperatorStateStore(), "agent engine", settings);
    }

    @Override
    public void snapshotState(FunctionSnapshotContext context) {
        // Keyed state is snapshotted by Flink; the settings were written once, in initializeState.
    }

    @Override
    public void open(OpenContext openContext) {
        agentState = getRuntimeContext().getState(AGENT_STATE);
        states = AgentStates.direct(agentState);
        overflow = getRuntimeContext().getMapState(OVERFLOW);
        // Managed Flink forwards only the "kinesisanalytics" metric group to CloudWatch. Every valid record is
        // counted once, as applied, duplicate or late.
        applied = getRuntimeContext().getMetricGroup().addGroup("kinesisanalytics").counter("recordsApplied");
        duplicates = getRuntimeContext().getMetricGroup().addGroup("kinesisanalytics").counter("recordsDuplicate");
        late = getRuntimeContext().getMetricGroup().addGroup("kinesisanalytics").counter("recordsLate");
    }

    @Override
    public void processElement(EncodedEvent encoded, ReadOnlyContext ctx, Collector<QueueShare> out)
            throws Exception {
        AgentEvent event = encoded.decode();
        String agent = ctx.getCurrentKey();
        AgentState stored = states.get(agent);
        AgentState state = stored;
        if (state == null) {
            state = new AgentState();
            state.waiting = new WaitingEvent[0]; // an agent without state has nothing waiting
        }
        // Every event at or before `complete` is in: live, the watermark; in BATCH, the instant before this event.
        long complete;
        if (batch) {
            state.agentArn = event.agentArn;
            complete = event.eventTime - 1;
            applyWaitingThrough(state, complete, new AgentTimeline(settings, event.agentArn, state,
                    SideOutputs.of(ctx, out)));
        } else {
            complete = ctx.timerService().currentWatermark();
        }
        state.recentEventIds.forgetBefore(oldestRemembered(complete));

        long due = Long.MAX_VALUE;
        if (isDuplicate(state, event, encoded.fields, complete)) {
            duplicates.inc();
            if (state.recentEventIds.timeOf(event.eventId) == event.eventTime) due = event.eventTime;
        } else if (event.eventTime <= complete) {
            late.inc();
            ctx.output(LATE_EVENTS, lateRow(event, complete));
            // Still a duplicate's original (§3.7) for as long as its id is in the window.
            if (event.eventId != null && event.eventTime >= oldestRemembered(complete)) {
                state.recentEventIds.remember(event.eventId, event.eventTime);
                due = event.eventTime + settings.dedupWindowMs;
            }
        } else {
            applied.inc();
            if (event.eventId != null) state.recentEventIds.remember(event.eventId, event.eventTime);
            addWaiting(state, WaitingEvent.of(event, encoded.fields));
            due = event.eventTime;
        }

        if (batch) {
            // Every timer fires once the agent's input is complete: one is all it takes to finish the agent.
            if (state.timerAt == Long.MIN_VALUE) {
                ctx.timerService().registerEventTimeTimer(event.eventTime);
                state.timerAt = event.eventTime;
            }
        } else if (due < timerOf(state)) {
            moveTimer(state, due, ctx.timerService());
        }
        if (state.isEmpty() && state.timerAt == Long.MIN_VALUE) {
            if (stored != null) states.remove(agent);
        } else {
            states.put(agent, state);
        }
    }

    @Override
    public void processBroadcastElement(EndOfInputReport report, Context ctx, Collector<QueueShare> out)
            throws Exception {
        EndOfInput.record(ctx.getBroadcastState(EndOfInput.REPORTS), report);
        Long end = EndOfInput.time(ctx.getBroadcastState(EndOfInput.REPORTS));
        if (end != null && ctx.currentWatermark() == Long.MAX_VALUE) {
            // The final watermark came before the last report (a live job drained with idle sources): every
            // agent waited for it, and finishes now.
            SideOutputs outputs = SideOutputs.of(ctx, out);
            states.writeBackAndForget(); // the loop below reads and clears the backend's states
            ctx.applyToKeyedState(AGENT_STATE, (agent, state) -> {
                AgentState stored = state.value();
                finish(AgentKey.arn(agent, stored, batch), stored, end, outputs);
                state.clear();
            });
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<QueueShare> out) throws Exception {
        long watermark = ctx.timerService().currentWatermark();
        String agent = ctx.getCurrentKey();
        AgentState state = states.get(agent);
        if (state == null) return;
        if (watermark == Long.MAX_VALUE) {
            Long end = EndOfInput.time(ctx.getBroadcastState(EndOfInput.REPORTS));
            // Without every source's report the end is not known yet: the last report finishes the agent.
            if (end != null) {
                finish(AgentKey.arn(agent, state, batch), state, end, SideOutputs.of(ctx, out));
                states.remove(agent);
            }
            return;
        }
        if (state.timerAt == timestamp) state.timerAt = Long.MIN_VALUE;
        AgentTimeline timeline = new AgentTimeline(settings, AgentKey.arn(agent, state, batch), state,
                SideOutputs.of(ctx, out));
        long firstWaiting = applyWaitingThrough(state, watermark, timeline);
        timeline.advanceTo(watermark + 1);
        state.recentEventIds.forgetBefore(oldestRemembered(watermark));

        long due = Math.min(firstWaiting, timeline.nextDueTime());
        if (!state.recentEventIds.isEmpty()) {
            due = Math.min(due, state.recentEventIds.oldestTime() + settings.dedupWindowMs);
        }
        moveTimer(state, due, ctx.timerService());
        if (state.isEmpty() && state.timerAt == Long.MIN_VALUE) {
            states.remove(agent);
        } else {
            states.put(agent, state);
        }
    }

    /**
     * Keeps the agents' states on the heap between checkpoints, at most {@code capacity} of them ({@link AgentStates};
     * called by {@link AgentEngineOperator} on RocksDB). {@code scope} writes one back under its agent's key.
     */
    void keepStatesOnHeap(int capacity, AgentStates.KeyScope scope) {
        states = AgentStates.cached(agentState, capacity, scope);
    }

    /** Writes every state changed on the heap back to the state backend. */
    void writeBackStates() throws Exception {
        states.writeBack();
    }

    /** End of the input for one agent: everything buffered is applied and time stops at {@code end}. */
    private void finish(String agent, AgentState stored, long end, SideOutputs outputs) throws Exception {
        AgentState state = stored != null ? stored : new AgentState();
        AgentTimeline timeline = new AgentTimeline(settings, agent, state, outputs);
        applyWaitingThrough(state, end, timeline); // every waiting event is at or before the end
        for (WaitingEvent left : state.waiting) { // none is left; were one, its map entry would go with the state
            if (left.inOverflow()) overflow.remove(left.eventTime);
        }
        timeline.finish(end);
    }

    /**
     * Applies the waiting events up to {@code time}, in order (§3.7); returns the timestamp of the first event still
     * waiting, or Long.MAX_VALUE.
     */
    private long applyWaitingThrough(AgentState state, long time, AgentTimeline timeline) throws Exception {
        WaitingEvent[] waiting = waitingOf(state);
        int due = 0;
        for (; due < waiting.length && waiting[due].eventTime <= time; due++) {
            WaitingEvent next = waiting[due];
            if (next.inOverflow()) {
                for (AgentEvent event : overflow.get(next.eventTime)) timeline.apply(event);
                overflow.remove(next.eventTime);
            } else {
                timeline.apply(next.event());
            }
        }
        if (due > 0) state.waiting = Arrays.copyOfRange(waiting, due, waiting.length);
        return due < waiting.length ? waiting[due].eventTime : Long.MAX_VALUE;
    }

    /**
     * The agent's waiting events. A state restored from layout v1 or v2 has all of them in {@link #OVERFLOW} and
     * lists none: the instants there are listed, once.
     */
    private WaitingEvent[] waitingOf(AgentState state) throws Exception {
        if (state.waiting == null) {
            List<Long> times = new ArrayList<>();
            for (Long eventTime : overflow.keys()) times.add(eventTime);
            Collections.sort(times);
            state.waiting = new WaitingEvent[times.size()];
            for (int i = 0; i < times.size(); i++) state.waiting[i] = WaitingEvent.inOverflowAt(times.get(i));
        }
        return state.waiting;
    }

    /**
     * Adds an event after the waiting ones that apply before it: earlier, or at the same time and arrived first. Its
     * instant waits in {@link #OVERFLOW} when it already does, or when the state holds {@link #INLINE_WAITING} events.
     */
    private void addWaiting(AgentState state, WaitingEvent event) throws Exception {
        WaitingEvent[] waiting = waitingOf(state);
        int after = waiting.length; // waiting[first, after) are the ones at the event's instant
        while (after > 0 && waiting[after - 1].eventTime > event.eventTime) after--;
        int first = after;
        while (first > 0 && waiting[first - 1].eventTime == event.eventTime) first--;
        if (first < after && waiting[first].inOverflow()) {
            List<AgentEvent> instant = overflow.get(event.eventTime);
            insertInOrder(instant, event.event());
            overflow.put(event.eventTime, instant);
            return;
        }
        if (inlineCount(waiting) < INLINE_WAITING) {
            int at = after;
            while (at > first && event.event().compareOrder(waiting[at - 1].event()) < 0) at--;
            state.waiting = replace(waiting, at, at, event);
            return;
        }
        // The state is full: this instant moves to the map, with the events of it that the state held.
        List<AgentEvent> instant = new ArrayList<>();
        for (int i = first; i < after; i++) instant.add(waiting[i].event());
        insertInOrder(instant, event.event());
        overflow.put(event.eventTime, instant);
        state.waiting = replace(waiting, first, after, WaitingEvent.inOverflowAt(event.eventTime));
    }

    private static int inlineCount(WaitingEvent[] waiting) {
        int n = 0;
        for (WaitingEvent event : waiting) {
            if (!event.inOverflow()) n++;
        }
        return n;
    }

    /** Puts {@code event} after the events of its instant that apply before it. */
    private static void insertInOrder(List<AgentEvent> instant, AgentEvent event) {
        int at = instant.size();
        while (at > 0 && event.compareOrder(instant.get(at - 1)) < 0) at--;
        instant.add(at, event);
    }

    /** {@code waiting} with its entries {@code [from, to)} replaced by {@code entry}, or just without them. */
    private static WaitingEvent[] replace(WaitingEvent[] waiting, int from, int to, WaitingEvent entry) {
        int added = entry == null ? 0 : 1;
        WaitingEvent[] result = new WaitingEvent[waiting.length - (to - from) + added];
        System.arraycopy(waiting, 0, result, 0, from);
        if (entry != null) result[from] = entry;
        System.arraycopy(waiting, to, result, from + added, waiting.length - to);
        return result;
    }

    /**
     * True when the agent sent an event with this id within the de-duplication window (§3.7). Of two copies that
     * are both still waiting, the one that comes first in input order (timestamp, then arrival) is kept, whichever
     * of them Flink delivered first: the same input then gives the same rows in every mode and at every
     * parallelism.
     */
    private boolean isDuplicate(AgentState state, AgentEvent event, byte[] fields, long complete) throws Exception {
        if (event.eventId == null) return false;
        Long seenAt = state.recentEventIds.timeOf(event.eventId);
        if (seenAt == null) return false;
        if (seenAt > complete && event.eventTime > complete && keptInsteadOfCopy(state, event, fields, seenAt)) {
            state.recentEventIds.forget(event.eventId);
            state.recentEventIds.remember(event.eventId, event.eventTime);
        }
        return true;
    }

    /**
     * Takes the waiting copy (at {@code seenAt}) of {@code event} out and {@code event} in, when {@code event} comes
     * first in input order; true if it did.
     */
    private boolean keptInsteadOfCopy(AgentState state, AgentEvent event, byte[] fields, long seenAt)
            throws Exception {
        WaitingEvent[] waiting = waitingOf(state);
        for (int i = 0; i < waiting.length; i++) {
            if (waiting[i].eventTime != seenAt) continue;
            if (waiting[i].inOverflow()) {
                List<AgentEvent> instant = overflow.get(seenAt);
                for (int j = 0; j < instant.size(); j++) {
                    AgentEvent copy = instant.get(j);
                    if (!event.eventId.equals(copy.eventId) || event.compareOrder(copy) >= 0) continue;
                    instant.remove(j);
                    if (instant.isEmpty()) {
                        overflow.remove(seenAt);
                        state.waiting = replace(waiting, i, i + 1, null);
                    } else {
                        overflow.put(seenAt, instant);
                    }
                    addWaiting(state, WaitingEvent.of(event, fields));
                    return true;
                }
                return false;
            }
            AgentEvent copy = waiting[i].event();
            if (event.eventId.equals(copy.eventId) && event.compareOrder(copy) < 0) {
                state.waiting = replace(waiting, i, i + 1, null);
                addWaiting(state, WaitingEvent.of(event, fields));
                return true;
            }
        }
        return false;
    }

    /** Event ids older than this are forgotten once every event up to {@code complete} is in. */
    private long oldestRemembered(long complete) {
        return complete < Long.MIN_VALUE + settings.dedupWindowMs ? Long.MIN_VALUE
                : complete - settings.dedupWindowMs + 1;
    }

    private static long timerOf(AgentState state) {
        return state.timerAt == Long.MIN_VALUE ? Long.MAX_VALUE : state.timerAt;
    }

    /** Keeps the agent's one timer at {@code due} (none when nothing is due). */
    private static void moveTimer(AgentState state, long due, TimerService timers) {
        if (due == timerOf(state)) return;
        if (state.timerAt != Long.MIN_VALUE) timers.deleteEventTimeTimer(state.timerAt);
        state.timerAt = Long.MIN_VALUE;
        if (due != Long.MAX_VALUE) {
            timers.registerEventTimeTimer(due);
            state.timerAt = due;
        }
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
