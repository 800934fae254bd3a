package dev.agentanalytics.engine;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.util.FlinkRuntimeException;

/**
 * The agents' states ({@link AgentEngineFunction#AGENT_STATE}) as the engine reads and writes them: straight through
 * to the state backend, or, on RocksDB in a live job ({@link AgentEngineOperator}), kept on the heap between
 * checkpoints.
 *
 * <p>Why keep them: under RocksDB every read of an agent's state is a call into RocksDB and a decoding, and every
 * write an encoding and a call, and a catch-up reads and writes each agent's state several times a second (each
 * event on arrival, again when the watermark applies it): most of the engine's time. Kept here, an agent's state is
 * read from RocksDB once and written back once per checkpoint, or when it leaves to make room.
 *
 * <p>Nothing is lost to a failure: every changed state is written back before the state backend takes its snapshot
 * ({@link AgentEngineOperator#snapshotState}), so a checkpoint holds what the engine had applied, as it did without
 * the cache, and a restart begins from it with an empty cache. Only on RocksDB: its values are decoded afresh on
 * every read, so the cache's objects are the engine's alone; the heap backend hands out the objects it snapshots.
 */
final class AgentStates {
    /**
     * Agents whose states the heap keeps per engine subtask; beyond that the one used least recently is written back
     * and leaves. An agent's state is a few kilobytes on the heap: some tens of megabytes in all.
     */
    static final int CACHED_AGENTS = 10_000;
    /**
     * A state with more waiting entries and remembered event ids than this is written through instead of kept: while
     * the watermark stands still (a shard far behind in a catch-up) an agent's state grows by an id and an entry per
     * event, and the heap must not hold 10,000 such states. Below it a state is some kilobytes (eight waiting events
     * of about one each at most): the cache at most a few hundred megabytes, usually some tens.
     */
    static final int KEPT_ENTRIES = 128;

    /** Runs an action with the state backend's current key set to an agent's, then sets it back. */
    interface KeyScope {
        void run(String key, StateAction action) throws Exception;
    }

    interface StateAction {
        void run() throws Exception;
    }

    private final ValueState<AgentState> backend;
    /** Null: every read and write goes to the backend. */
    private final Cache cache;

    private AgentStates(ValueState<AgentState> backend, Cache cache) {
        this.backend = backend;
        this.cache = cache;
    }

    static AgentStates direct(ValueState<AgentState> backend) {
        return new AgentStates(backend, null);
    }

    /** Kept on the heap, at most {@code capacity} agents; {@code scope} writes a state back under its own key. */
    static AgentStates cached(ValueState<AgentState> backend, int capacity, KeyScope scope) {
        if (capacity < 1) throw new IllegalArgumentException("at least one agent's state is kept, not " + capacity);
        return new AgentStates(backend, new Cache(backend, capacity, scope));
    }

    /** The state of {@code agent}, the backend's current key; null when it has none. */
    AgentState get(String agent) throws Exception {
        if (cache == null) return backend.value();
        Kept kept = cache.get(agent);
        if (kept == null) {
            kept = new Kept(backend.value());
            cache.put(agent, kept); // may write back the agent used least recently
        }
        return kept.state;
    }

    /** Stores {@code state} as the state of {@code agent}, the backend's current key. */
    void put(String agent, AgentState state) throws Exception {
        if (cache == null) {
            backend.update(state);
        } else if (entries(state) > KEPT_ENTRIES) {
            backend.update(state); // too large to keep (above): written through, and no longer kept
            cache.remove(agent);
        } else {
            if (state.waiting != null) { // null: restored from layout v1 or v2, not listed yet
                for (WaitingEvent waiting : state.waiting) waiting.forgetDecoded(); // old-generation garbage
            }
            keep(agent, state);
        }
    }

    /** {@code agent} (the backend's current key) has no state any more. */
    void remove(String agent) throws Exception {
        if (cache == null) {
            backend.clear();
        } else {
            keep(agent, null);
        }
    }

    private static int entries(AgentState state) {
        int waiting = state.waiting == null ? 0 : state.waiting.length;
        RecentEventIds remembered = state.recentEventIds;
        int ids = remembered == null || remembered.ids == null ? 0 : remembered.ids.length;
        return waiting + ids;
    }

    /** Writes every changed state back to the backend (before a snapshot, or before the backend's keys are read). */
    void writeBack() throws Exception {
        if (cache != null) cache.writeBack();
    }

    /** Writes every changed state back and forgets them all: the backend's states are about to change under it. */
    void writeBackAndForget() throws Exception {
        if (cache == null) return;
        cache.writeBack();
        cache.clear();
    }

    private void keep(String agent, AgentState state) {
        Kept kept = cache.get(agent);
        if (kept == null) {
            kept = new Kept(state);
            cache.put(agent, kept);
        }
        kept.state = state;
        kept.changed = true;
    }

    /** An agent's state as the heap keeps it; null when the agent has none. */
    private static final class Kept {
        AgentState state;
        boolean changed;

        Kept(AgentState state) {
            this.state = state;
        }
    }

    /** In the order of use, the least recent first. */
    private static final class Cache extends LinkedHashMap<String, Kept> {
        private static final long serialVersionUID = 1L;
        private final transient ValueState<AgentState> backend;
        private final int capacity;
        private final transient KeyScope scope;

        Cache(ValueState<AgentState> backend, int capacity, KeyScope scope) {
            super(16, 0.75f, true);
            this.backend = backend;
            this.capacity = capacity;
            this.scope = scope;
        }

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Kept> eldest) {
            if (size() <= capacity) return false;
            if (eldest.getValue().changed) {
                try {
                    write(eldest.getKey(), eldest.getValue());
                } catch (Exception e) {
                    throw new FlinkRuntimeException("Could not write back the state of agent " + eldest.getKey(), e);
                }
            }
            return true;
        }

        void writeBack() throws Exception {
            for (Iterator<Map.Entry<String, Kept>> entries = entrySet().iterator(); entries.hasNext(); ) {
                Map.Entry<String, Kept> entry = entries.next();
                if (entry.getValue().changed) write(entry.getKey(), entry.getValue());
            }
        }

        private void write(String agent, Kept kept) throws Exception {
            scope.run(agent, () -> {
                if (kept.state == null) {
                    backend.clear();
                } else {
                    backend.update(kept.state);
                }
            });
            kept.changed = false;
        }
    }
}
