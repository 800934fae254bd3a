package dev.agentanalytics.event;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.types.StringValue;

/**
 * The wire form of an {@link AgentEvent} between the source and the agent engine (and through the BATCH sort),
 * field by field in a fixed order: no reflection, and text as bytes. Flink's POJO serializer writes a String one
 * char at a time; almost all of an event's text is ASCII (ARNs, ids, states), copied here in one piece. Text
 * with any other character keeps Flink's own encoding, so nothing is ever altered (a lone surrogate included).
 *
 * <p>A record is its length, then its fields. The fields are written to and read from a plain byte array of the
 * thread's own: Flink's paged views check a page boundary for every byte, and an event is some sixty small writes.
 * Moving a record without looking into it ({@link #copy(DataInputView, DataOutputView)}, what the BATCH sorter does
 * when it spills) is then one copy of its bytes.
 *
 * <p>Only records use this form ({@link AgentEventType}); the events the engine keeps in state stay Flink POJOs,
 * so snapshots do not depend on it.
 */
public final class AgentEventSerializer extends TypeSerializerSingleton<AgentEvent> {
    private static final long serialVersionUID = 1L;
    public static final AgentEventSerializer INSTANCE = new AgentEventSerializer();

    private static final int NULL = 0;
    private static final int ASCII = 1;
    private static final int OTHER_TEXT = 2;

    /** Each thread's buffers for one record's fields (a serializer singleton is shared by threads). */
    private static final ThreadLocal<Buffers> BUFFERS = ThreadLocal.withInitial(Buffers::new);

    private static final class Buffers {
        final DataOutputSerializer out = new DataOutputSerializer(2048);
        final DataInputDeserializer in = new DataInputDeserializer();
        byte[] read = new byte[2048];
    }

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public AgentEvent createInstance() {
        return new AgentEvent();
    }

    /** A deep copy, through the wire form: one list of the fields, and copies are rare (object reuse is on). */
    @Override
    public AgentEvent copy(AgentEvent from) {
        try {
            DataOutputSerializer out = new DataOutputSerializer(1024);
            serialize(from, out);
            return deserialize(new DataInputDeserializer(out.getSharedBuffer(), 0, out.length()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot copy an agent event", e);
        }
    }

    @Override
    public AgentEvent copy(AgentEvent from, AgentEvent reuse) {
        return copy(from);
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(AgentEvent event, DataOutputView out) throws IOException {
        DataOutputSerializer fields = BUFFERS.get().out;
        fields.clear();
        writeFields(event, fields);
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

    private static void writeFields(AgentEvent event, DataOutputView out) throws IOException {
        writeText(event.eventId, out);
        writeText(event.agentArn, out);
        writeText(event.eventType, out);
        out.writeLong(event.eventTime);
        writeText(event.username, out);
        writeText(event.statusName, out);
        writeText(event.statusType, out);
        Grouping g = event.grouping;
        writeText(g.routingProfileName, out);
        writeText(g.hierarchyLevel1, out);
        writeText(g.hierarchyLevel2, out);
        writeText(g.hierarchyLevel3, out);
        writeText(g.hierarchyLevel4, out);
        writeText(g.hierarchyLevel5, out);
        writeCount(event.queues.length, out);
        for (ServedQueue queue : event.queues) {
            writeText(queue.arn, out);
            writeText(queue.name, out);
        }
        writeCount(event.contacts.length, out);
        for (ContactState contact : event.contacts) {
            writeText(contact.contactId, out);
            writeText(contact.initialContactId, out);
            writeText(contact.channel, out);
            writeText(contact.initiationMethod, out);
            writeText(contact.state, out);
            out.writeBoolean(contact.stateStart != null);
            if (contact.stateStart != null) out.writeLong(contact.stateStart);
            writeText(contact.queueArn, out);
            writeText(contact.queueName, out);
        }
        writeBytes(event.raw, out);
        writeBytes(event.arrival, out);
    }

    private static AgentEvent readFields(DataInputView in) throws IOException {
        AgentEvent event = new AgentEvent();
        event.eventId = readText(in);
        event.agentArn = readText(in);
        event.eventType = readText(in);
        event.eventTime = in.readLong();
        event.username = readText(in);
        event.statusName = readText(in);
        event.statusType = readText(in);
        Grouping g = event.grouping;
        g.routingProfileName = readText(in);
        g.hierarchyLevel1 = readText(in);
        g.hierarchyLevel2 = readText(in);
        g.hierarchyLevel3 = readText(in);
        g.hierarchyLevel4 = readText(in);
        g.hierarchyLevel5 = readText(in);
        event.queues = new ServedQueue[readCount(in)];
        for (int i = 0; i < event.queues.length; i++) {
            event.queues[i] = new ServedQueue(readText(in), readText(in));
        }
        event.contacts = new ContactState[readCount(in)];
        for (int i = 0; i < event.contacts.length; i++) {
            ContactState contact = new ContactState();
            contact.contactId = readText(in);
            contact.initialContactId = readText(in);
            contact.channel = readText(in);
            contact.initiationMethod = readText(in);
            contact.state = readText(in);
            contact.stateStart = in.readBoolean() ? in.readLong() : null;
            contact.queueArn = readText(in);
            contact.queueName = readText(in);
            event.contacts[i] = contact;
        }
        event.raw = readBytes(in);
        event.arrival = readBytes(in);
        return event;
    }

    @Override
    public AgentEvent deserialize(AgentEvent reuse, DataInputView in) throws IOException {
        return deserialize(in);
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

    /** Text: null, ASCII bytes in one piece, or (any other character) Flink's own char-by-char encoding. */
    static void writeText(String text, DataOutputView out) throws IOException {
        if (text == null) {
            out.writeByte(NULL);
            return;
        }
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        if (isAscii(bytes)) {
            out.writeByte(ASCII);
            writeCount(bytes.length, out);
            out.write(bytes);
        } else {
            out.writeByte(OTHER_TEXT);
            StringValue.writeString(text, out);
        }
    }

    static String readText(DataInputView in) throws IOException {
        int kind = in.readByte();
        if (kind == NULL) return null;
        if (kind == OTHER_TEXT) return StringValue.readString(in);
        byte[] bytes = new byte[readCount(in)];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    /** ISO-8859-1 turns any other character into '?', itself ASCII: only true ASCII text has no '?' it did not have. */
    private static boolean isAscii(byte[] latin1) {
        for (byte b : latin1) {
            if (b < 0 || b == '?') return false;
        }
        return true;
    }

    private static void writeBytes(byte[] bytes, DataOutputView out) throws IOException {
        if (bytes == null) {
            writeCount(0, out);
            return;
        }
        writeCount(bytes.length + 1, out);
        out.write(bytes);
    }

    private static byte[] readBytes(DataInputView in) throws IOException {
        int n = readCount(in) - 1;
        if (n < 0) return null;
        byte[] bytes = new byte[n];
        in.readFully(bytes);
        return bytes;
    }

    /** A non-negative int in 1 to 5 bytes, 7 bits each. */
    private static void writeCount(int n, DataOutputView out) throws IOException {
        int rest = n;
        while (rest >= 0x80) {
            out.writeByte((rest & 0x7F) | 0x80);
            rest >>>= 7;
        }
        out.writeByte(rest);
    }

    private static int readCount(DataInputView in) throws IOException {
        int n = 0;
        for (int shift = 0; ; shift += 7) {
            int b = in.readUnsignedByte();
            n |= (b & 0x7F) << shift;
            if (b < 0x80) return n;
        }
    }

    /** The form has no parameters: a snapshot only names the serializer. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<AgentEvent> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
