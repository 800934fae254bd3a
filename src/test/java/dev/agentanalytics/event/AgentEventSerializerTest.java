package dev.agentanalytics.event;

import static dev.agentanalytics.testing.EveryFieldSet.FIELDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentanalytics.config.JobConfig;
import dev.agentanalytics.parse.AgentEventParser;
import dev.agentanalytics.parse.ParsedRecord;
import dev.agentanalytics.source.simulator.ContactCenterSimulator;
import dev.agentanalytics.testing.Events;
import dev.agentanalytics.testing.EveryFieldSet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

/** The compact wire form gives back exactly the event it was given, whatever its text, and is smaller. */
class AgentEventSerializerTest {
    private static final AgentEventSerializer SERIALIZER = AgentEventSerializer.INSTANCE;

    @Test
    void simulatedEventsComeBackEqualAndSmaller() throws IOException {
        JobConfig config = JobConfig.fromMap(Map.of("simulator.agents", "30", "simulator.duration", "2h",
                "simulator.seed", "5"));
        AgentEventParser parser = new AgentEventParser(JobConfig.RecordSettings.defaults());
        TypeSerializer<AgentEvent> pojo = TypeInformation.of(AgentEvent.class)
                .createSerializer(new SerializerConfigImpl());
        ContactCenterSimulator simulator = new ContactCenterSimulator(config.simulator, 0);
        long compact = 0;
        long asPojo = 0;
        int events = 0;
        while (simulator.hasNext()) {
            ParsedRecord record = parser.parse(simulator.next().payload, 0L, Arrival.ofOrdinal(events));
            if (!record.isValid()) continue;
            events++;
            compact += roundTrip(record.event);
            asPojo += size(pojo, record.event);
        }
        assertTrue(events > 1000, "events: " + events);
        assertTrue(compact < asPojo, compact + " bytes compact, " + asPojo + " as a POJO");
    }

    @Test
    void everyKindOfTextAndNullComesBackAsItWas() throws IOException {
        AgentEvent event = Events.stateChange("08:00:00").available()
                .contact("c1", "CONNECTED", "08:00:00")
                .via("CHAT", "INBOUND", new ServedQueue("arn:q/1", null))
                .build();
        event.eventId = null;
        event.username = "zoë?";                 // Latin-1 beyond ASCII, and a question mark
        event.statusName = "Pause \uD83D\uDE00";  // outside the BMP
        event.statusType = "\uD800lone";          // a lone surrogate, which UTF-8 could not carry
        event.grouping = new Grouping(null, "", "Ünit", null, "x".repeat(70_000), "日本");
        event.queues = new ServedQueue[] {new ServedQueue(null, "?"), new ServedQueue("", "")};
        event.contacts[0].stateStart = null;
        event.raw = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
        event.arrival = new byte[0];
        roundTrip(event);

        AgentEvent empty = new AgentEvent();
        roundTrip(empty);
    }

    @Test
    void aCopyIsEqualAndSharesNoMutablePart() {
        AgentEvent event = Events.heartBeat("08:00:00").available().contact("c1", "CONNECTED", "08:00:00").build();
        event.raw = new byte[] {1, 2};
        AgentEvent copy = SERIALIZER.copy(event);
        assertEquals(event, copy);
        assertNotSame(event.grouping, copy.grouping);
        assertNotSame(event.contacts[0], copy.contacts[0]);
        assertNotSame(event.raw, copy.raw);
    }

    /** Serializes, reads back, checks equality (and that copy between views keeps it); returns the size. */
    private static int roundTrip(AgentEvent event) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(256);
        SERIALIZER.serialize(event, out);
        int size = out.length();
        AgentEvent back = SERIALIZER.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
        assertEquals(event, back);
        assertEquals(event.eventTime, back.eventTime);
        // Two records in a row: a copy moves exactly the first, as the sorter moves records one after another.
        SERIALIZER.serialize(event, out);
        DataInputDeserializer two = new DataInputDeserializer(out.getCopyOfBuffer());
        DataOutputSerializer copied = new DataOutputSerializer(256);
        SERIALIZER.copy(two, copied);
        assertEquals(size, copied.length());
        assertEquals(event, SERIALIZER.deserialize(new DataInputDeserializer(copied.getCopyOfBuffer())));
        assertEquals(event, SERIALIZER.deserialize(two));
        assertEquals(0, two.available());
        return size;
    }

    private static int size(TypeSerializer<AgentEvent> serializer, AgentEvent event) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(256);
        serializer.serialize(event, out);
        return out.length();
    }

    /** The events the engine buffers are kept in this form: a field it does not write would be lost on restore. */
    @Test
    void anEventWithEveryFieldSetComesBackTheSame() throws Exception {
        EveryFieldSet filler = new EveryFieldSet();
        for (boolean someNull : new boolean[] {false, true}) {
            AgentEvent event = filler.fill(AgentEvent.class, someNull);
            // An event always has these (the reader sets them); their own fields may still be null.
            if (event.grouping == null) event.grouping = filler.fill(Grouping.class, someNull);
            if (event.queues == null) event.queues = new ServedQueue[0];
            if (event.contacts == null) event.contacts = new ContactState[0];
            DataOutputSerializer out = new DataOutputSerializer(256);
            SERIALIZER.serialize(event, out);
            AgentEvent back = SERIALIZER.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
            assertEquals(FIELDS.writeValueAsString(event), FIELDS.writeValueAsString(back));
        }
    }

    @Test
    void bufferedEventsOfLayoutV1AreMigrated() {
        TypeSerializerSnapshot<AgentEvent> pojo = ((PojoTypeInfo<AgentEvent>) TypeInformation.of(AgentEvent.class))
                .createSerializer(new SerializerConfigImpl()).snapshotConfiguration();
        TypeSerializerSnapshot<AgentEvent> current = SERIALIZER.snapshotConfiguration();
        assertTrue(current.resolveSchemaCompatibility(pojo).isCompatibleAfterMigration());
        assertTrue(current.resolveSchemaCompatibility(current).isCompatibleAsIs());
    }

    @Test
    void theTypeOfEventStreamsUsesIt() {
        assertEquals(SERIALIZER, WireType.AGENT_EVENTS.createSerializer(new SerializerConfigImpl()));
    }

    @Test
    void anEncodedEventCarriesItsKeyAndDecodesToTheEventItWasGiven() throws IOException {
        AgentEvent event = Events.stateChange("08:00:00").available()
                .contact("c1", "CONNECTED", "08:00:00")
                .via("CHAT", "INBOUND", new ServedQueue("arn:q/1", "Sales"))
                .build();
        event.username = "zoë";
        event.raw = "{}".getBytes(StandardCharsets.UTF_8);
        EncodedEvent encoded = EncodedEvent.of("key-1", event);
        TypeSerializer<EncodedEvent> serializer = WireType.ENCODED_EVENTS.createSerializer(new SerializerConfigImpl());
        DataOutputSerializer written = new DataOutputSerializer(256);
        serializer.serialize(encoded, written);
        serializer.serialize(new EncodedEvent("kéy-2", encoded.fields), written); // text beyond ASCII too
        DataOutputSerializer out = new DataOutputSerializer(16); // moved as bytes, as a spill does; it grows
        DataInputDeserializer source = new DataInputDeserializer(written.getCopyOfBuffer());
        serializer.copy(source, out);
        serializer.copy(source, out);
        assertEquals(0, source.available());
        DataInputDeserializer in = new DataInputDeserializer(out.getCopyOfBuffer()); // two records back to back
        for (String key : new String[] {"key-1", "kéy-2"}) {
            EncodedEvent back = serializer.deserialize(in);
            assertEquals(key, back.key);
            assertEquals(FIELDS.writeValueAsString(event), FIELDS.writeValueAsString(back.decode()));
        }
        assertEquals(0, in.available());
    }
}
