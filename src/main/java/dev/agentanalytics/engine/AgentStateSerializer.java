package dev.agentanalytics.engine;

import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;

/**
 * Layout v2 of the agent's stored form ({@link AgentStateForm}). The job no longer writes it: v2 snapshots name this
 * class, and it reads them once on restore, to be written again in layout v5 ({@link AgentStateSerializerV5}).
 */
public final class AgentStateSerializer extends AgentStateForm {
    private static final long serialVersionUID = 1L;
    public static final AgentStateSerializer INSTANCE = new AgentStateSerializer();

    private AgentStateSerializer() {
        super(2);
    }

    @Override
    public TypeSerializerSnapshot<AgentState> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Names the serializer: what v2 snapshots restore with, to migrate their states to layout v5. */
    public static final class Snapshot extends MigratingFromPojo<AgentState> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
