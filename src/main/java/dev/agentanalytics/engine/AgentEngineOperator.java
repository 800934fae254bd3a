package dev.agentanalytics.engine;

import dev.agentanalytics.endofinput.EndOfInput;
import dev.agentanalytics.endofinput.EndOfInputReport;
import dev.agentanalytics.event.EncodedEvent;
import dev.agentanalytics.queue.QueueShare;
import java.util.List;
import org.apache.flink.runtime.state.StateSnapshotContext;
import org.apache.flink.streaming.api.operators.co.CoBroadcastWithKeyedOperator;

/**
 * The agent engine's operator in a live job: Flink's keyed-broadcast operator for {@link AgentEngineFunction}, which
 * on RocksDB keeps the agents' states on the heap between checkpoints ({@link AgentStates}). It gives the function
 * what a function cannot do itself: write a state back under another agent's key, and do it for every changed state
 * before each snapshot of the state backend. A BATCH job runs the function in Flink's own batch operator (its state
 * is on the heap already).
 */
public final class AgentEngineOperator
        extends CoBroadcastWithKeyedOperator<String, EncodedEvent, EndOfInputReport, QueueShare> {
    private static final long serialVersionUID = 1L;
    private final int cachedAgents;

    public AgentEngineOperator(AgentEngineFunction engine) {
        this(engine, AgentStates.CACHED_AGENTS);
    }

    /** {@code cachedAgents}: how many agents' states the heap keeps (tests make it small). */
    public AgentEngineOperator(AgentEngineFunction engine, int cachedAgents) {
        super(engine, List.of(EndOfInput.REPORTS));
        this.cachedAgents = cachedAgents;
    }

    @Override
    public void open() throws Exception {
        super.open();
        if (getKeyedStateBackend().isSafeToReuseKVState()) { // RocksDB: each read decodes a new object
            ((AgentEngineFunction) getUserFunction()).keepStatesOnHeap(cachedAgents, this::withKey);
        }
    }

    /** Runs before the state backends take their snapshots (Flink's order): the snapshot holds every change. */
    @Override
    public void snapshotState(StateSnapshotContext context) throws Exception {
        writeBackStates();
        super.snapshotState(context);
    }

    /** Writes every agent state the heap changed back to the state backend (tests read the backend after it). */
    public void writeBackStates() throws Exception {
        ((AgentEngineFunction) getUserFunction()).writeBackStates();
    }

    private void withKey(String key, AgentStates.StateAction action) throws Exception {
        Object current = getCurrentKey();
        setCurrentKey(key);
        try {
            action.run();
        } finally {
            if (current != null) setCurrentKey(current);
        }
    }
}
