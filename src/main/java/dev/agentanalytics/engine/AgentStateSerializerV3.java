package dev.agentanalytics.engine;

import static dev.agentanalytics.event.WireFields.readBytes;
import static dev.agentanalytics.event.WireFields.readLength;
import static dev.agentanalytics.event.WireFields.writeBytes;
import static dev.agentanalytics.event.WireFields.writeLength;

import dev.agentanalytics.event.WireSerializer;
import java.io.IOException;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * The stored form of {@link AgentState}, layout v3: layout v2's fields ({@link AgentStateSerializer}), then the
 * events waiting for the watermark, each as its timestamp and its encoded fields, copied as bytes. In v2 those
 * events were a map state of their own, and each one cost three more calls into RocksDB than now (docs/performance.md).
 *
 * <p>A state of layout v1 (Flink's POJO serializer) or v2 is read once on restore with the serializer it was written
 * with and written in this form (Flink's state migration): {@link AgentState#waiting} is null then, and the engine
 * moves the agent's events out of the old map state when it first touches the agent. This form never changes either:
 * a new layout is a new class, as this one is.
 */
public final class AgentStateSerializerV3 extends WireSerializer<AgentState> {
    private static final long serialVersionUID = 1L;
    public static final AgentStateSerializerV3 INSTANCE = new AgentStateSerializerV3();

    @Override
    public AgentState createInstance() {
        return new AgentState();
    }

    @Override
    public void serialize(AgentState s, DataOutputView out) throws IOException {
        AgentStateSerializer.INSTANCE.serialize(s, out);
        writeLength(s.waiting, out);
        if (s.waiting != null) {
            for (WaitingEvent event : s.waiting) {
                out.writeLong(event.eventTime);
                writeBytes(event.fields, out);
            }
        }
    }

    @Override
    public AgentState deserialize(DataInputView in) throws IOException {
        AgentState s = AgentStateSerializer.INSTANCE.deserialize(in);
        int waiting = readLength(in);
        s.waiting = waiting < 0 ? null : new WaitingEvent[waiting];
        for (int i = 0; i < waiting; i++) s.waiting[i] = new WaitingEvent(in.readLong(), readBytes(in));
        return s;
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
