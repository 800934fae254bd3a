package dev.agentanalytics.event;

import java.io.IOException;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/** An {@link EncodedEvent} between two tasks: its key, then its fields as they are. Never in state. */
public final class EncodedEventSerializer extends WireSerializer<EncodedEvent> {
    private static final long serialVersionUID = 1L;
    public static final EncodedEventSerializer INSTANCE = new EncodedEventSerializer();

    @Override
    public EncodedEvent createInstance() {
        return new EncodedEvent();
    }

    @Override
    public void serialize(EncodedEvent event, DataOutputView out) throws IOException {
        WireFields.writeText(event.key, out);
        WireFields.writeBytes(event.fields, out);
    }

    @Override
    public EncodedEvent deserialize(DataInputView in) throws IOException {
        return new EncodedEvent(WireFields.readText(in), WireFields.readBytes(in));
    }

    /** Moves a record without looking into it, as the BATCH sorter does when it spills: its pieces as bytes. */
    @Override
    public void copy(DataInputView in, DataOutputView out) throws IOException {
        WireFields.copyText(in, out);
        WireFields.copyBytes(in, out);
    }

    @Override
    public TypeSerializerSnapshot<EncodedEvent> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Names the serializer: the form has no parameters. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<EncodedEvent> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
