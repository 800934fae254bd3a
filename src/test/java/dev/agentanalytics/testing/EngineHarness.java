package dev.agentanalytics.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentanalytics.config.JobConfig.EngineSettings;
import dev.agentanalytics.engine.AgentEngineFunction;
import dev.agentanalytics.engine.AgentEngineOperator;
import dev.agentanalytics.engine.AgentState;
import dev.agentanalytics.endofinput.EndOfInput;
import dev.agentanalytics.endofinput.EndOfInputReport;
import dev.agentanalytics.event.AgentEvent;
import dev.agentanalytics.event.EncodedEvent;
import dev.agentanalytics.output.AgentActivityRow;
import dev.agentanalytics.output.AgentStatusRow;
import dev.agentanalytics.output.ContactRow;
import dev.agentanalytics.queue.QueueShare;
import dev.agentanalytics.topology.PartitionKeys;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.contrib.streaming.state.EmbeddedRocksDBStateBackend;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.state.CheckpointStorage;
import org.apache.flink.runtime.state.KeyedStateBackend;
import org.apache.flink.runtime.state.StateBackend;
import org.apache.flink.runtime.state.VoidNamespace;
import org.apache.flink.runtime.state.VoidNamespaceSerializer;
import org.apache.flink.runtime.state.heap.HeapKeyedStateBackend;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.co.CoBroadcastWithKeyedOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;
import org.apache.flink.util.OutputTag;

/**
 * The engine operator in a test harness, live (events, then watermarks) or as in BATCH mode (the end-of-input
 * report first, then each agent's events sorted by timestamp with no watermark, then the final watermark), with
 * its rows rendered as short strings: {@code "08:00 Available 300000"}.
 */
public final class EngineHarness implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    public final KeyedBroadcastOperatorTestHarness<String, EncodedEvent, EndOfInputReport, QueueShare> harness;
    public final boolean batch;

    private EngineHarness(EngineSettings settings, boolean batch, OperatorSubtaskState restoreFrom)
            throws Exception {
        this(settings, batch, restoreFrom, null, null);
    }

    private EngineHarness(EngineSettings settings, boolean batch, OperatorSubtaskState restoreFrom,
                          StateBackend stateBackend, CheckpointStorage checkpointStorage) throws Exception {
        this(settings, batch, restoreFrom, stateBackend, checkpointStorage, 0);
    }

    private EngineHarness(EngineSettings settings, boolean batch, OperatorSubtaskState restoreFrom,
                          StateBackend stateBackend, CheckpointStorage checkpointStorage, int cachedAgents)
            throws Exception { // cachedAgents 0: the job's number
        this.batch = batch;
        AgentEngineFunction engine = new AgentEngineFunction(settings, batch);
        // As the job runs it: live, the engine's own operator (on RocksDB it keeps states on the heap); in BATCH,
        // the function in Flink's operator.
        harness = new KeyedBroadcastOperatorTestHarness<>(
                batch ? new CoBroadcastWithKeyedOperator<>(engine, List.of(EndOfInput.REPORTS))
                        : cachedAgents == 0 ? new AgentEngineOperator(engine)
                        : new AgentEngineOperator(engine, cachedAgents),
                PartitionKeys.AGENTS, Types.STRING, 128, 1, 0);
        if (stateBackend != null) harness.setStateBackend(stateBackend);
        if (checkpointStorage != null) harness.setCheckpointStorage(checkpointStorage);
        if (restoreFrom != null) harness.initializeState(restoreFrom);
        harness.open();
    }

    public static EngineHarness live(EngineSettings settings) throws Exception {
        return new EngineHarness(settings, false, null);
    }

    /** Live, on another state backend and checkpoint storage than the harness's heap and memory defaults. */
    public static EngineHarness live(EngineSettings settings, StateBackend stateBackend,
                                     CheckpointStorage checkpointStorage) throws Exception {
        return new EngineHarness(settings, false, null, stateBackend, checkpointStorage);
    }

    /** Live on {@code stateBackend}, the engine keeping at most {@code cachedAgents} agents' states on the heap. */
    public static EngineHarness live(EngineSettings settings, StateBackend stateBackend, int cachedAgents)
            throws Exception {
        return new EngineHarness(settings, false, null, stateBackend, null, cachedAgents);
    }

    public static EngineHarness batch(EngineSettings settings) throws Exception {
        return new EngineHarness(settings, true, null);
    }

    public static EngineHarness restored(EngineSettings settings, OperatorSubtaskState snapshot) throws Exception {
        return new EngineHarness(settings, false, snapshot);
    }

    /** Restored on another state backend than the harness's heap default. */
    public static EngineHarness restored(EngineSettings settings, OperatorSubtaskState snapshot,
                                         StateBackend stateBackend) throws Exception {
        return new EngineHarness(settings, false, snapshot, stateBackend, null);
    }

    public void send(Events... events) throws Exception {
        for (Events event : events) {
            send(event.build());
        }
    }

    /** One event, encoded and keyed as the job's sources do it. */
    public void send(AgentEvent event) throws Exception {
        harness.processElement(EncodedEvent.of(PartitionKeys.agentKey(event.agentArn, batch), event), event.eventTime);
    }

    public void watermark(long time) throws Exception {
        harness.watermark(time);
    }

    /** The input ends; time stops at {@code time}, its largest event time. */
    public void endOfInputAt(String time) throws Exception {
        harness.processBroadcastElement(new EndOfInputReport(0, 1, Events.at(time)), Events.at(time));
        harness.watermark(Long.MAX_VALUE);
    }

    /** BATCH mode: the report comes before any event. */
    public void reportFirst(String time) throws Exception {
        harness.processBroadcastElement(new EndOfInputReport(0, 1, Events.at(time)), Events.at(time));
    }

    public <T> List<T> side(OutputTag<T> tag) {
        return harness.getSideOutput(tag) == null ? List.of()
                : harness.getSideOutput(tag).stream().map(StreamRecord::getValue).collect(Collectors.toList());
    }

    public List<String> statusRows() {
        List<String> rows = new ArrayList<>();
        for (AgentStatusRow r : side(AgentEngineFunction.AGENT_STATUS)) {
            rows.add(r.windowStart.substring(11, 16) + " " + r.statusName + " " + r.durationMs);
        }
        return sorted(rows);
    }

    public List<String> activityRows() {
        List<String> rows = new ArrayList<>();
        for (AgentActivityRow r : side(AgentEngineFunction.AGENT_ACTIVITY)) {
            rows.add(r.windowStart.substring(11, 16) + " " + r.activity + "/"
                    + (r.statusName == null ? "-" : r.statusName) + " " + r.durationMs);
        }
        return sorted(rows);
    }

    /** {@code "c1 HANDLED connected=08:05 ended=08:05 completed=08:08 talk=0 acw=180000"}. */
    public List<String> contactRows() {
        List<String> rows = new ArrayList<>();
        for (ContactRow r : side(AgentEngineFunction.CONTACTS)) {
            rows.add(r.contactId + " " + r.outcome + " connected=" + hhmm(r.connectedAt) + " ended="
                    + hhmm(r.endedAt) + " completed=" + hhmm(r.completedAt) + " talk=" + r.talkMs + " acw=" + r.acwMs);
        }
        return sorted(rows);
    }

    /**
     * Every row of every table the engine wrote, and every queue share, as JSON, sorted: two runs of the same input
     * compared row for row.
     */
    public List<String> allRowsAsJson() throws Exception {
        List<String> rows = new ArrayList<>();
        for (OutputTag<?> tag : List.of(AgentEngineFunction.AGENT_STATUS, AgentEngineFunction.AGENT_ACTIVITY,
                AgentEngineFunction.CONTACTS, AgentEngineFunction.ALERTS, AgentEngineFunction.LATE_EVENTS)) {
            for (Object row : side(tag)) rows.add(tag.getId() + " " + JSON.writeValueAsString(row));
        }
        for (Object share : queueShares()) rows.add("share " + JSON.writeValueAsString(share));
        rows.sort(null);
        return rows;
    }

    /** RocksDB for a harness, whose few megabytes of managed memory it does not use. */
    public static EmbeddedRocksDBStateBackend rocksDb() {
        EmbeddedRocksDBStateBackend rocksDb = new EmbeddedRocksDBStateBackend();
        rocksDb.getMemoryConfiguration().setUseManagedMemory(false);
        return rocksDb;
    }

    public List<QueueShare> queueShares() {
        return harness.extractOutputValues();
    }

    /** The entries of the engine's keyed state, on any backend. */
    public int keyedStateEntries() throws Exception {
        writeBackStates();
        return storedEntries();
    }

    /** The entries the state backend holds now, without the states the engine keeps on the heap until a snapshot. */
    public int storedEntries() throws Exception {
        AbstractStreamOperator<?> operator = (AbstractStreamOperator<?>) harness.getOperator();
        if (operator.getKeyedStateBackend() instanceof HeapKeyedStateBackend) {
            return ((HeapKeyedStateBackend<?>) (Object) operator.getKeyedStateBackend()).numKeyValueStateEntries();
        }
        @SuppressWarnings("unchecked")
        KeyedStateBackend<String> backend =
                (KeyedStateBackend<String>) (Object) operator.getKeyedStateBackend();
        int entries = 0;
        for (var descriptor : List.of(AgentEngineFunction.AGENT_STATE, AgentEngineFunction.OVERFLOW)) {
            try (var keys = backend.getKeys(descriptor.getName(), VoidNamespace.INSTANCE)) {
                entries += (int) keys.count();
            }
        }
        return entries;
    }

    public int timers() {
        return harness.numEventTimeTimers();
    }

    /** Drops the rows and queue shares written so far (benchmarks, which do not read them: the heap stays flat). */
    public void dropOutputs() {
        harness.getOutput().clear();
        for (OutputTag<?> tag : List.of(AgentEngineFunction.AGENT_STATUS, AgentEngineFunction.AGENT_ACTIVITY,
                AgentEngineFunction.CONTACTS, AgentEngineFunction.ALERTS, AgentEngineFunction.LATE_EVENTS)) {
            var rows = harness.getSideOutput(tag);
            if (rows != null) rows.clear();
        }
    }

    /** The stored state of {@code agent}, or null. */
    public AgentState state(String agent) throws Exception {
        writeBackStates();
        AbstractStreamOperator<?> operator = (AbstractStreamOperator<?>) harness.getOperator();
        @SuppressWarnings("unchecked")
        KeyedStateBackend<String> backend =
                (KeyedStateBackend<String>) (Object) operator.getKeyedStateBackend();
        backend.setCurrentKey(PartitionKeys.agentKey(agent, batch));
        return backend.getPartitionedState(VoidNamespace.INSTANCE, VoidNamespaceSerializer.INSTANCE,
                AgentEngineFunction.AGENT_STATE).value();
    }

    /** The states the engine keeps on the heap (on RocksDB), written to the backend, which inspections read. */
    public void writeBackStates() throws Exception {
        if (harness.getOperator() instanceof AgentEngineOperator) {
            ((AgentEngineOperator) harness.getOperator()).writeBackStates();
        }
    }

    public OperatorSubtaskState snapshot() throws Exception {
        return harness.snapshot(1L, 1L);
    }

    @Override
    public void close() throws Exception {
        harness.close();
    }

    private static String hhmm(String iso) {
        if (iso == null) return "-";
        String t = iso.substring(11, 23);
        return t.endsWith(":00.000") ? t.substring(0, 5) : t;
    }

    private static List<String> sorted(List<String> rows) {
        rows.sort(null);
        return rows;
    }
}
