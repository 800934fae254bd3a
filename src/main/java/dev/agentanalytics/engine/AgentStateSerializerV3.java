package dev.agentanalytics.engine;

import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;

/**
 * Layout v3 of the agent's stored form ({@link AgentStateForm}), the one the job writes: the events waiting for the
 * watermark are part of it. In v2 they were a map state of their own, and each one cost three more calls into
 * RocksDB than now (docs/performance.md).
 *
 * <p>A state of layout v1 (Flink's POJO serializer) or v2 is read once on restore with the serializer it was written
 * with and written in this form (Flink's state migration): {@link AgentState#waiting} is null then, and the engine
 * moves the agent's events out of the old map state when it first touches the agent.
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

    /** Names the serializer; a state of layout v1 (POJO) or v2 is migrated to it on restore. */
    public static final class Snapshot extends MigratingFromPojo<AgentState> {
        public Snapshot() {
            super(() -> INSTANCE);
        }

        @Override
        public TypeSerializerSchemaCompatibility<AgentState> resolveSchemaCompatibility(
                TypeSerializerSnapshot<AgentState> oldSerializerSnapshot) {
            if (oldSerializerSnapshot instanceof AgentStateSerializer.Snapshot) {
                return TypeSerializerSchemaCompatibility.compatibleAfterMigration();
            }
            return super.resolveSchemaCompatibility(oldSerializerSnapshot);
        }
    }
}
