package dev.agentanalytics.event;

import org.apache.flink.api.common.ExecutionConfig;
import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;

/**
 * The type of a stream whose records are written by one of the job's own serializers: given to the operators that
 * emit them, so that Flink never falls back to its POJO serializer or to Kryo.
 */
public final class WireType<T> extends TypeInformation<T> {
    private static final long serialVersionUID = 1L;

    /** Agent events between the parser and the end of the source chain. */
    public static final WireType<AgentEvent> AGENT_EVENTS =
            new WireType<>(AgentEvent.class, AgentEventSerializer.INSTANCE, "AgentEvent (compact)");
    /** Agent events from the sources to the agent engine. */
    public static final WireType<EncodedEvent> ENCODED_EVENTS =
            new WireType<>(EncodedEvent.class, EncodedEventSerializer.INSTANCE, "EncodedEvent");

    private final Class<T> typeClass;
    private final TypeSerializer<T> serializer;
    private final String name;

    private WireType(Class<T> typeClass, TypeSerializer<T> serializer, String name) {
        this.typeClass = typeClass;
        this.serializer = serializer;
        this.name = name;
    }

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
    public Class<T> getTypeClass() {
        return typeClass;
    }

    @Override
    public boolean isKeyType() {
        return false;
    }

    /** The one Flink 2 keeps. */
    @Override
    public TypeSerializer<T> createSerializer(SerializerConfig config) {
        return serializer;
    }

    /** Flink 1.x's, deprecated there and gone in Flink 2: delete it with the upgrade. */
    @Override
    @Deprecated
    public TypeSerializer<T> createSerializer(ExecutionConfig config) {
        return serializer;
    }

    @Override
    public String toString() {
        return name;
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof WireType && ((WireType<?>) obj).typeClass == typeClass;
    }

    @Override
    public int hashCode() {
        return typeClass.hashCode();
    }

    @Override
    public boolean canEqual(Object obj) {
        return obj instanceof WireType;
    }
}
