package dev.agentanalytics.engine;

import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;

/**
 * Layout v4 of the agent's stored form ({@link AgentStateForm}). The job no longer writes it: v4 snapshots name this
 * class, and their states are read as they are by layout v5 ({@link AgentStateSerializerV5}), which has the same
 * bytes. v4 added a waiting entry without fields, for an instant whose events wait in the engine's overflow map
 * state ({@link WaitingEvent#inOverflow()}), which the code of layout v3 could not read.
 */
public final class AgentStateSerializerV4 extends AgentStateForm {
    private static final long serialVersionUID = 1L;
    public static final AgentStateSerializerV4 INSTANCE = new AgentStateSerializerV4();

    private AgentStateSerializerV4() {
        super(4);
    }

    @Override
    public TypeSerializerSnapshot<AgentState> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Names the serializer: what v4 snapshots restore with. */
    public static final class Snapshot extends MigratingFromPojo<AgentState> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
