package dev.agentanalytics.engine;

import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;

/**
 * Layout v3 of the agent's stored form ({@link AgentStateForm}). The job no longer writes it: v3 snapshots name this
 * class, and their states are read as they are by layout v5 ({@link AgentStateSerializerV5}), which has the same
 * bytes. In v3 the events waiting for the watermark became part of the agent's state; in v2 they were a map state of
 * their own, and each one cost three more calls into RocksDB (docs/performance.md).
 */
public final class AgentStateSerializerV3 extends AgentStateForm {
    private static final long serialVersionUID = 1L;
    public static final AgentStateSerializerV3 INSTANCE = new AgentStateSerializerV3();

    private AgentStateSerializerV3() {
        super(3);
    }

    @Override
    public TypeSerializerSnapshot<AgentState> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Names the serializer: what v3 snapshots restore with. */
    public static final class Snapshot extends MigratingFromPojo<AgentState> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
