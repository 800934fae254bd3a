package dev.agentanalytics.event;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.core.memory.DataOutputView;

/**
 * The compact form of an {@link AgentEvent}: between the operators chained to a source, in the fields an
 * {@link EncodedEvent} carries to the agent engine, and in the engine's buffer. Field by field in a fixed order: no
 * reflection, and text as bytes. Flink's POJO serializer writes a String one char at a time; almost all of an
 * event's text is ASCII (ARNs, ids, states), copied here in one piece. Text with any other character keeps Flink's
 * own encoding, so nothing is ever altered (a lone surrogate included).
 *
 * <p>A record is its length, then its fields. The fields are written to and read from a plain byte array of the
 * thread's own: Flink's paged views check a page boundary for every byte, and an event is some sixty small writes.
 * Moving a record without looking into it ({@link #copy(DataInputView, DataOutputView)}) is then one copy of its
 * bytes.
 *
 * <p>Records use this form ({@link WireType#AGENT_EVENTS}), an {@link EncodedEvent} carries its fields, and so do
 * the events the engine buffers in state until the watermark passes them (state layout v2; docs/deployment.md,
 * "Upgrades"). Since snapshots hold it, this form never changes: a field added to or removed from {@link AgentEvent}
 * needs a new serializer class, this one kept as it is.
 */
public final class AgentEventSerializer extends WireSerializer<AgentEvent> {
    private static final long serialVersionUID = 1L;
    public static final AgentEventSerializer INSTANCE = new AgentEventSerializer();

    /** Each thread's buffers for one record's fields (a serializer singleton is shared by threads). */
    private static final ThreadLocal<Buffers> BUFFERS = ThreadLocal.withInitial(Buffers::new);

    private static final class Buffers {
        final DataOutputSerializer out = new DataOutputSerializer(2048);
        final DataInputDeserializer in = new DataInputDeserializer();
        byte[] read = new byte[2048];
    }

    @Override
    public AgentEvent createInstance() {
        return new AgentEvent();
    }

    @Override
    public void serialize(AgentEvent event, DataOutputView out) throws IOException {
        DataOutputSerializer fields = fieldsOf(event);
        out.writeInt(fields.length());
        out.write(fields.getSharedBuffer(), 0, fields.length());
    }

    @Override
    public AgentEvent deserialize(DataInputView in) throws IOException {
        Buffers buffers = BUFFERS.get();
        int length = readRecord(in, buffers); // first: it may replace the buffer
        buffers.in.setBuffer(buffers.read, 0, length);
        return readFields(buffers.in);
    }

    /** The event's fields in this form, without the record's length: what an {@link EncodedEvent} carries. */
    public static byte[] encode(AgentEvent event) {
        try {
            return fieldsOf(event).getCopyOfBuffer();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot encode " + event, e); // a byte array's view: never
        }
    }

    /** The event's fields, written in the thread's buffer. */
    private static DataOutputSerializer fieldsOf(AgentEvent event) throws IOException {
        DataOutputSerializer fields = BUFFERS.get().out;
        fields.clear();
        writeFields(event, fields);
        return fields;
    }

    /** The event whose fields {@link #encode} wrote. */
    public static AgentEvent decode(byte[] fields) {
        DataInputDeserializer in = BUFFERS.get().in;
        in.setBuffer(fields);
        try {
            return readFields(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot decode an event of " + fields.length + " bytes", e);
        }
    }

    private static void writeFields(AgentEvent event, DataOutputView out) throws IOException {
        WireFields.writeText(event.eventId, out);
        WireFields.writeText(event.agentArn, out);
        WireFields.writeText(event.eventType, out);
        out.writeLong(event.eventTime);
        WireFields.writeText(event.username, out);
        WireFields.writeText(event.statusName, out);
        WireFields.writeText(event.statusType, out);
        Grouping g = event.grouping;
        WireFields.writeText(g.routingProfileName, out);
        WireFields.writeText(g.hierarchyLevel1, out);
        WireFields.writeText(g.hierarchyLevel2, out);
        WireFields.writeText(g.hierarchyLevel3, out);
        WireFields.writeText(g.hierarchyLevel4, out);
        WireFields.writeText(g.hierarchyLevel5, out);
        WireFields.writeCount(event.queues.length, out);
        for (ServedQueue queue : event.queues) {
            WireFields.writeText(queue.arn, out);
            WireFields.writeText(queue.name, out);
        }
        WireFields.writeCount(event.contacts.length, out);
        for (ContactState contact : event.contacts) {
            WireFields.writeText(contact.contactId, out);
            WireFields.writeText(contact.initialContactId, out);
            WireFields.writeText(contact.channel, out);
            WireFields.writeText(contact.initiationMethod, out);
            WireFields.writeText(contact.state, out);
            out.writeBoolean(contact.stateStart != null);
            if (contact.stateStart != null) out.writeLong(contact.stateStart);
            WireFields.writeText(contact.queueArn, out);
            WireFields.writeText(contact.queueName, out);
        }
        WireFields.writeBytes(event.raw, out);
        WireFields.writeBytes(event.arrival, out);
    }

    private static AgentEvent readFields(DataInputView in) throws IOException {
        AgentEvent event = new AgentEvent();
        event.eventId = WireFields.readText(in);
        event.agentArn = WireFields.readText(in);
        event.eventType = WireFields.readText(in);
        event.eventTime = in.readLong();
        event.username = WireFields.readText(in);
        event.statusName = WireFields.readText(in);
        event.statusType = WireFields.readText(in);
        Grouping g = event.grouping;
        g.routingProfileName = WireFields.readText(in);
        g.hierarchyLevel1 = WireFields.readText(in);
        g.hierarchyLevel2 = WireFields.readText(in);
        g.hierarchyLevel3 = WireFields.readText(in);
        g.hierarchyLevel4 = WireFields.readText(in);
        g.hierarchyLevel5 = WireFields.readText(in);
        event.queues = new ServedQueue[WireFields.readCount(in)];
        for (int i = 0; i < event.queues.length; i++) {
            event.queues[i] = new ServedQueue(WireFields.readText(in), WireFields.readText(in));
        }
        event.contacts = new ContactState[WireFields.readCount(in)];
        for (int i = 0; i < event.contacts.length; i++) {
            ContactState contact = new ContactState();
            contact.contactId = WireFields.readText(in);
            contact.initialContactId = WireFields.readText(in);
            contact.channel = WireFields.readText(in);
            contact.initiationMethod = WireFields.readText(in);
            contact.state = WireFields.readText(in);
            contact.stateStart = in.readBoolean() ? in.readLong() : null;
            contact.queueArn = WireFields.readText(in);
            contact.queueName = WireFields.readText(in);
            event.contacts[i] = contact;
        }
        event.raw = WireFields.readBytes(in);
        event.arrival = WireFields.readBytes(in);
        return event;
    }

    @Override
    public void copy(DataInputView in, DataOutputView out) throws IOException {
        Buffers buffers = BUFFERS.get();
        int length = readRecord(in, buffers);
        out.writeInt(length);
        out.write(buffers.read, 0, length); // not write(in, length): a DataOutputSerializer would not grow for it
    }

    /** Reads one record's fields into the thread's buffer; returns their length. */
    private static int readRecord(DataInputView in, Buffers buffers) throws IOException {
        int length = in.readInt();
        if (buffers.read.length < length) buffers.read = new byte[Math.max(length, buffers.read.length * 2)];
        in.readFully(buffers.read, 0, length);
        return length;
    }

    @Override
    public TypeSerializerSnapshot<AgentEvent> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Names the serializer; buffered events of layout v1 (Flink's POJO serializer) are migrated to it on restore. */
    public static final class Snapshot extends MigratingFromPojo<AgentEvent> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
