package dev.agentanalytics.sink;

import java.io.IOException;
import java.util.Collection;
import java.util.List;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.StatefulSinkWriter;
import org.apache.flink.api.connector.sink2.SupportsWriterState;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * A buffering sink (the Kinesis alert sink) whose buffer is sent before every checkpoint barrier, so a checkpoint
 * or savepoint never holds entries that were already sent.
 *
 * <p>Why: at a checkpoint, Flink's async sinks only wait for the requests in flight and keep what is still buffered
 * in the checkpoint; their buffer timer then sends it anyway. A job restored from that checkpoint sends it again. A
 * plain stop-with-savepoint and restart (an upgrade, or any configuration update on Managed Flink) would put every
 * alert raised in the last half second before the savepoint on the stream twice. Flushed at the barrier, the sink's
 * state is always empty and a clean restart repeats nothing; after a failure, alerts raised since the last
 * checkpoint are raised again, which is the at-least-once rule docs/kinesis.md states.
 *
 * <p>The writer state and its serializer stay the delegate's, so savepoints of the plain sink restore into this one
 * and back.
 */
public final class FlushedAtEveryCheckpoint<InputT, StateT> implements Sink<InputT>, SupportsWriterState<InputT, StateT> {
    private static final long serialVersionUID = 1L;

    /** The sink itself (serializable, as every sink is), seen by what this wrapper uses of it. */
    private final SupportsWriterState<InputT, StateT> sink;

    public <S extends Sink<InputT> & SupportsWriterState<InputT, StateT>> FlushedAtEveryCheckpoint(S sink) {
        this.sink = sink;
    }

    @Override
    public StatefulSinkWriter<InputT, StateT> createWriter(WriterInitContext context) throws IOException {
        return new Writer<>(sink.restoreWriter(context, List.of()));
    }

    /** Flink 1.19 still declares this; its runtime calls {@link #createWriter(WriterInitContext)}. */
    @Override
    @Deprecated
    public SinkWriter<InputT> createWriter(InitContext context) {
        throw new UnsupportedOperationException("created through createWriter(WriterInitContext)");
    }

    @Override
    public StatefulSinkWriter<InputT, StateT> restoreWriter(WriterInitContext context, Collection<StateT> states)
            throws IOException {
        return new Writer<>(sink.restoreWriter(context, states));
    }

    @Override
    public SimpleVersionedSerializer<StateT> getWriterStateSerializer() {
        return sink.getWriterStateSerializer();
    }

    /** The delegate's writer, told at every barrier that it is the end of input, so it sends all it holds. */
    private static final class Writer<InputT, StateT> implements StatefulSinkWriter<InputT, StateT> {
        private final StatefulSinkWriter<InputT, StateT> writer;

        Writer(StatefulSinkWriter<InputT, StateT> writer) {
            this.writer = writer;
        }

        @Override
        public void write(InputT element, Context context) throws IOException, InterruptedException {
            writer.write(element, context);
        }

        @Override
        public void flush(boolean endOfInput) throws IOException, InterruptedException {
            writer.flush(true);
        }

        @Override
        public void writeWatermark(Watermark watermark) throws IOException, InterruptedException {
            writer.writeWatermark(watermark);
        }

        @Override
        public List<StateT> snapshotState(long checkpointId) throws IOException {
            return writer.snapshotState(checkpointId);
        }

        @Override
        public void close() throws Exception {
            writer.close();
        }
    }
}
