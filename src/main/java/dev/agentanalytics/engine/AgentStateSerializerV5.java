package dev.agentanalytics.engine;

import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;

/**
 * Layout v5 of the agent's stored form ({@link AgentStateForm}), the one the job writes. Its bytes are v3's and v4's;
 * what is new is what they may hold: a leg without a contact id, for a listed contact the engine counts but cannot
 * follow (docs/analytics.md §3.5), and waiting events whose contacts may have none. The code of layout v4 would end
 * such a leg as a contact of 1970, so v5 is a class of its own: a v5 snapshot names it, and a job of an older
 * version refuses to restore it.
 *
 * <p>A v3 or v4 state is read as it is. A state of layout v1 (Flink's POJO serializer) or v2 is read once on restore
 * with the serializer it was written with and written in this form (Flink's state migration): {@link
 * AgentState#waiting} is null then, and the engine lists the agent's events in the map state when it first touches
 * the agent.
 */
public final class AgentStateSerializerV5 extends AgentStateForm {
    private static final long serialVersionUID = 1L;
    public static final AgentStateSerializerV5 INSTANCE = new AgentStateSerializerV5();

    private AgentStateSerializerV5() {
        super(5);
    }

    @Override
    public TypeSerializerSnapshot<AgentState> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Names the serializer; a state of layout v3 or v4 is read as it is, one of layout v1 (POJO) or v2 migrated. */
    public static final class Snapshot extends MigratingFromPojo<AgentState> {
        public Snapshot() {
            super(() -> INSTANCE);
        }

        @Override
        public TypeSerializerSchemaCompatibility<AgentState> resolveSchemaCompatibility(
                TypeSerializerSnapshot<AgentState> oldSerializerSnapshot) {
            if (oldSerializerSnapshot instanceof AgentStateSerializerV4.Snapshot
                    || oldSerializerSnapshot instanceof AgentStateSerializerV3.Snapshot) {
                return TypeSerializerSchemaCompatibility.compatibleAsIs();
            }
            if (oldSerializerSnapshot instanceof AgentStateSerializer.Snapshot) {
                return TypeSerializerSchemaCompatibility.compatibleAfterMigration();
            }
            return super.resolveSchemaCompatibility(oldSerializerSnapshot);
        }
    }
}
