package dev.agentanalytics.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

/**
 * The agent's stored form keeps every field of every class in it: states filled by reflection (so a field added
 * later is filled too, and fails here until the serializer writes it) come back with the same JSON.
 */
class AgentStateSerializerTest {
    private static final ObjectMapper FIELDS = new ObjectMapper()
            .setVisibility(PropertyAccessor.ALL, Visibility.NONE)
            .setVisibility(PropertyAccessor.FIELD, Visibility.PUBLIC_ONLY);

    private int counter;

    @Test
    void aStateWithEveryFieldSetComesBackTheSame() throws Exception {
        AgentState state = fill(AgentState.class, false);
        assertNotEquals(FIELDS.writeValueAsString(new AgentState()), FIELDS.writeValueAsString(state));
        assertRoundTrip(state);
    }

    @Test
    void nullsAndNonAsciiTextComeBackTheSame() throws Exception {
        assertRoundTrip(fill(AgentState.class, true));
        AgentState fresh = new AgentState();
        assertRoundTrip(fresh);
        fresh.username = "Zoë 山田 \uD83D\uDE00";
        fresh.grouping = null;
        fresh.queues = null;
        fresh.recentEventIds = null;
        assertRoundTrip(fresh);
    }

    @Test
    void aPojoStateOfLayoutV1IsMigrated() {
        TypeSerializerSnapshot<AgentState> pojo = ((PojoTypeInfo<AgentState>) TypeInformation.of(AgentState.class))
                .createSerializer(new SerializerConfigImpl()).snapshotConfiguration();
        TypeSerializerSnapshot<AgentState> current = AgentStateSerializer.INSTANCE.snapshotConfiguration();
        assertTrue(current.resolveSchemaCompatibility(pojo).isCompatibleAfterMigration());
        assertTrue(current.resolveSchemaCompatibility(current).isCompatibleAsIs());
    }

    private static void assertRoundTrip(AgentState state) throws Exception {
        DataOutputSerializer out = new DataOutputSerializer(256);
        AgentStateSerializer.INSTANCE.serialize(state, out);
        AgentState back = AgentStateSerializer.INSTANCE.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
        assertEquals(FIELDS.writeValueAsString(state), FIELDS.writeValueAsString(back));
        assertEquals(FIELDS.writeValueAsString(state),
                FIELDS.writeValueAsString(AgentStateSerializer.INSTANCE.copy(state)));
    }

    /** An instance with every public field set to a value of its own; {@code someNull}: every other object null. */
    private <T> T fill(Class<T> type, boolean someNull) throws Exception {
        T object = type.getDeclaredConstructor().newInstance();
        for (Field field : type.getFields()) {
            if (Modifier.isStatic(field.getModifiers())) continue;
            field.set(object, value(field.getType(), someNull));
        }
        return object;
    }

    private Object value(Class<?> type, boolean someNull) throws Exception {
        int n = ++counter;
        if (type == boolean.class) return true;
        if (type == int.class || type == Integer.class) return n;
        if (type == long.class || type == Long.class) return (type == Long.class && someNull && n % 2 == 0) ? null
                : 1_000_000_000_000L + n;
        if (type == String.class) return someNull && n % 2 == 0 ? null : (n % 3 == 0 ? "ü-" + n : "text-" + n);
        if (type.isEnum()) return type.getEnumConstants()[n % type.getEnumConstants().length];
        if (type == long[].class) return new long[] {n, n + 1L};
        if (type.isArray()) {
            Object array = Array.newInstance(type.getComponentType(), 2);
            Class<?> component = type.getComponentType();
            for (int i = 0; i < 2; i++) { // elements are never null in a state
                Array.set(array, i, component == String.class ? "id-" + n + i : fill(component, someNull));
            }
            return array;
        }
        if (someNull && n % 2 == 0) return null;
        return fill(type, someNull);
    }
}
