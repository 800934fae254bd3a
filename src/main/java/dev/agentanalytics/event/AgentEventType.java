package dev.agentanalytics.event;

import org.apache.flink.api.common.ExecutionConfig;
import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;

/**
 * The type of the streams of {@link AgentEvent}s: records in the compact {@link AgentEventSerializer} form. Given
 * to the operators that emit events (the engine's buffer names the serializer itself).
 */
public final class AgentEventType extends TypeInformation<AgentEvent> {
    private static final long serialVersionUID = 1L;
    public static final AgentEventType INSTANCE = new AgentEventType();

    private AgentEventType() {}

    @Override
    public boolean isBasicType() {
        return false;
    }

    @Override
    public boolean isTupleType() {
        return false;
    }

    @Override
    public int getArity() {
        return 1;
    }

    @Override
    public int getTotalFields() {
        return 1;
    }

    @Override
    public Class<AgentEvent> getTypeClass() {
        return AgentEvent.class;
    }

    @Override
    public boolean isKeyType() {
        return false;
    }

    /** The one Flink 2 keeps. */
    @Override
    public TypeSerializer<AgentEvent> createSerializer(SerializerConfig config) {
        return AgentEventSerializer.INSTANCE;
    }

    /** Flink 1.x's, deprecated there and gone in Flink 2: delete it with the upgrade. */
    @Override
    @Deprecated
    public TypeSerializer<AgentEvent> createSerializer(ExecutionConfig config) {
        return AgentEventSerializer.INSTANCE;
    }

    @Override
    public String toString() {
        return "AgentEvent (compact)";
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof AgentEventType;
    }

    @Override
    public int hashCode() {
        return AgentEventType.class.hashCode();
    }

    @Override
    public boolean canEqual(Object obj) {
        return obj instanceof AgentEventType;
    }
}
