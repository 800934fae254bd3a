package dev.agentanalytics.engine;

import static dev.agentanalytics.testing.EveryFieldSet.FIELDS;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentanalytics.testing.EveryFieldSet;
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
    private final EveryFieldSet filler = new EveryFieldSet();

    @Test
    void aStateWithEveryFieldSetComesBackTheSame() throws Exception {
        AgentState state = filler.fill(AgentState.class, false);
        assertNotEquals(FIELDS.writeValueAsString(new AgentState()), FIELDS.writeValueAsString(state));
        assertRoundTrip(state);
    }

    @Test
    void nullsAndNonAsciiTextComeBackTheSame() throws Exception {
        assertRoundTrip(filler.fill(AgentState.class, true));
        AgentState fresh = new AgentState();
        assertRoundTrip(fresh);
        fresh.username = "Zoë 山田 \uD83D\uDE00";
        fresh.grouping = null;
        fresh.queues = null;
        fresh.recentEventIds = null;
        assertRoundTrip(fresh);
    }

    @Test
    void aQueueShareOfOneOfTheAgentsQueuesNamesItByItsPlace() throws Exception {
        AgentState state = filler.fill(AgentState.class, false);
        String other = state.tally.queues[0].queueArn;
        state.tally.queues[0].queueArn = state.queues[state.queues.length - 1].arn;
        int before = stored(state).length;
        assertRoundTrip(state);
        state.tally.queues[0].queueArn = other;
        assertRoundTrip(state);
        assertEquals(other.length() + 2, stored(state).length - before, "the ARN as text (its kind, its length)");
    }

    @Test
    void aPojoStateOfLayoutV1IsMigrated() {
        TypeSerializerSnapshot<AgentState> pojo = ((PojoTypeInfo<AgentState>) TypeInformation.of(AgentState.class))
                .createSerializer(new SerializerConfigImpl()).snapshotConfiguration();
        TypeSerializerSnapshot<AgentState> current = AgentStateSerializerV5.INSTANCE.snapshotConfiguration();
        assertTrue(current.resolveSchemaCompatibility(pojo).isCompatibleAfterMigration());
        assertTrue(current.resolveSchemaCompatibility(current).isCompatibleAsIs());
    }

    @Test
    void aStateOfLayoutV2IsMigratedAndLeavesItsWaitingEventsWhereTheyWere() throws Exception {
        TypeSerializerSnapshot<AgentState> v2 = AgentStateSerializer.INSTANCE.snapshotConfiguration();
        TypeSerializerSnapshot<AgentState> current = AgentStateSerializerV5.INSTANCE.snapshotConfiguration();
        assertTrue(current.resolveSchemaCompatibility(v2).isCompatibleAfterMigration());
        assertTrue(v2.resolveSchemaCompatibility(current).isIncompatible(), "v5 states cannot be read as v2");

        // What Flink's migration does: read with v2, write with v5. The events are still all in the map state, and
        // the engine lists them when it sees no list of them (SnapshotFixturesTest restores such a state).
        AgentState state = filler.fill(AgentState.class, false);
        DataOutputSerializer out = new DataOutputSerializer(256);
        AgentStateSerializer.INSTANCE.serialize(state, out);
        AgentState read = AgentStateSerializer.INSTANCE.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
        assertNull(read.waiting);
        state.waiting = null;
        assertEquals(FIELDS.writeValueAsString(state), FIELDS.writeValueAsString(read));
        assertRoundTrip(read);
    }

    @Test
    void statesOfLayoutsV3AndV4AreReadAsTheyAreButAV5StateIsNotAnEarlierOne() throws Exception {
        TypeSerializerSnapshot<AgentState> current = AgentStateSerializerV5.INSTANCE.snapshotConfiguration();
        for (AgentStateForm earlier : new AgentStateForm[] {AgentStateSerializerV3.INSTANCE,
                AgentStateSerializerV4.INSTANCE}) {
            TypeSerializerSnapshot<AgentState> old = earlier.snapshotConfiguration();
            assertTrue(current.resolveSchemaCompatibility(old).isCompatibleAsIs());
            // What keeps an older job from restoring a v5 snapshot is that it has no class of v5's snapshot; the
            // classes older snapshots name do not take v5's for their own either.
            assertTrue(old.resolveSchemaCompatibility(current).isIncompatible());

            AgentState state = filler.fill(AgentState.class, false);
            DataOutputSerializer out = new DataOutputSerializer(256);
            earlier.serialize(state, out);
            assertArrayEquals(out.getCopyOfBuffer(), stored(state), "the same bytes");
        }
    }

    @Test
    void aLegWithoutAContactIdIsStored() throws Exception {
        AgentState state = filler.fill(AgentState.class, false);
        state.legs[0].contactId = null;
        assertRoundTrip(state);
        AgentState back = AgentStateSerializerV5.INSTANCE.deserialize(new DataInputDeserializer(stored(state)));
        assertNull(back.legs[0].contactId);
    }

    @Test
    void anInstantWaitingInTheMapStateIsOneEntryWithoutFields() throws Exception {
        AgentState state = filler.fill(AgentState.class, false);
        WaitingEvent inline = state.waiting[0];
        state.waiting = new WaitingEvent[] {inline, WaitingEvent.inOverflowAt(inline.eventTime + 1)};
        assertRoundTrip(state);
        AgentState back = AgentStateSerializerV5.INSTANCE.deserialize(new DataInputDeserializer(stored(state)));
        assertFalse(back.waiting[0].inOverflow());
        assertTrue(back.waiting[1].inOverflow());
        assertEquals(inline.eventTime + 1, back.waiting[1].eventTime);
    }

    private static byte[] stored(AgentState state) throws Exception {
        DataOutputSerializer out = new DataOutputSerializer(256);
        AgentStateSerializerV5.INSTANCE.serialize(state, out);
        return out.getCopyOfBuffer();
    }

    private static void assertRoundTrip(AgentState state) throws Exception {
        DataOutputSerializer out = new DataOutputSerializer(256);
        AgentStateSerializerV5.INSTANCE.serialize(state, out);
        AgentState back = AgentStateSerializerV5.INSTANCE.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
        assertEquals(FIELDS.writeValueAsString(state), FIELDS.writeValueAsString(back));
        assertEquals(FIELDS.writeValueAsString(state),
                FIELDS.writeValueAsString(AgentStateSerializerV5.INSTANCE.copy(state)));
    }
}
