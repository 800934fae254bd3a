package dev.agentanalytics.benchmark;

import dev.agentanalytics.event.EncodedEvent;
import dev.agentanalytics.event.WireType;
import dev.agentanalytics.parse.ByteScan;
import dev.agentanalytics.topology.PartitionKeys;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.connector.file.src.reader.SimpleStreamFormat;
import org.apache.flink.connector.file.src.reader.StreamFormat;
import org.apache.flink.core.fs.FSDataInputStream;
import org.apache.flink.core.fs.Path;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.util.Collector;

/**
 * The floor of (b): a job of the job's shape that does none of its work. The same files through the same file
 * source, parallelism 2, BATCH, in the same embedded cluster; each line becomes an {@link EncodedEvent} with the
 * job's own BATCH key of the line's AgentARN ({@link PartitionKeys#agentKey}) and, as its fields, the line's first
 * {@code payloadBytes} bytes (the job's encoded events average 938; these are JSON text, not the job's encoding),
 * its timestamp the line's number in its file (written over the payload's first bytes). The events go through the
 * same keyed exchange and BATCH sort (by key, then timestamp) into a keyed function that writes nothing. No JSON
 * is parsed, no engine runs, no table is written, and the job's other exchanges (the end-of-input reports, the
 * queue shares) are not there: what is left is what Flink costs a fresh JVM for (b)'s main exchange of these
 * bytes, less than all it costs (b).
 */
final class FlinkFloorJob {
    private static final byte[] AGENT_ARN = "\"AgentARN\":\"".getBytes(StandardCharsets.US_ASCII);
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private FlinkFloorJob() {}

    static void run(Configuration flink, java.nio.file.Path input, int payloadBytes) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(flink);
        FileSource<EncodedEvent> files = FileSource
                .forRecordStreamFormat(new Lines(payloadBytes), new Path(input.toUri()))
                .build();
        env.fromSource(files, WatermarkStrategy.<EncodedEvent>noWatermarks()
                        .withTimestampAssigner((event, previous) -> lineNumber(event)), "lines")
                .setParallelism(2).uid("floor-lines")
                .keyBy(event -> event.key, Types.STRING)
                .process(new Count()).setParallelism(2).uid("floor-count")
                .sinkTo(new DiscardingSink<>()).setParallelism(2).uid("floor-discarded");
        env.execute("benchmark floor");
    }

    private static long lineNumber(EncodedEvent event) {
        return event.fields.length < Long.BYTES ? 0 : (long) LONGS.get(event.fields, 0);
    }

    /** Adds up the bytes of the subtask's events, so that each is looked at; emits nothing. */
    private static final class Count extends KeyedProcessFunction<String, EncodedEvent, Long> {
        private long seen;

        @Override
        public void processElement(EncodedEvent event, Context context, Collector<Long> out) {
            seen += event.fields.length;
        }
    }

    /** Lines of a file, each as a key and a copy of its first bytes. */
    private static final class Lines extends SimpleStreamFormat<EncodedEvent> {
        private static final long serialVersionUID = 1L;
        private final int payloadBytes;

        Lines(int payloadBytes) {
            this.payloadBytes = payloadBytes;
        }

        @Override
        public StreamFormat.Reader<EncodedEvent> createReader(Configuration config, FSDataInputStream stream) {
            return new LineReader(stream, payloadBytes);
        }

        @Override
        public TypeInformation<EncodedEvent> getProducedType() {
            return WireType.ENCODED_EVENTS;
        }
    }

    private static final class LineReader implements StreamFormat.Reader<EncodedEvent> {
        private final InputStream in;
        private final int payloadBytes;
        private byte[] buffer = new byte[256 * 1024];
        private int position;
        private int limit;
        private long lineNumber;

        LineReader(InputStream in, int payloadBytes) {
            this.in = in;
            this.payloadBytes = payloadBytes;
        }

        @Override
        public EncodedEvent read() throws IOException {
            while (true) {
                int end = ByteScan.indexOfNewline(buffer, position, limit);
                if (end < limit) {
                    int start = position;
                    position = end + 1;
                    lineNumber++;
                    if (end > start) return event(start, end); // a blank line is no record, as in the job
                    continue;
                }
                // Keep the unfinished line at the start of the buffer (grown for a line longer than it).
                int kept = limit - position;
                System.arraycopy(buffer, position, buffer, 0, kept);
                if (kept == buffer.length) buffer = Arrays.copyOf(buffer, buffer.length * 2);
                position = 0;
                limit = kept;
                int n = in.read(buffer, limit, buffer.length - limit);
                if (n < 0) {
                    if (limit == 0) return null;
                    lineNumber++;
                    EncodedEvent event = event(0, limit);
                    limit = 0;
                    return event;
                }
                limit += n;
            }
        }

        private EncodedEvent event(int from, int to) {
            int arn = indexOf(AGENT_ARN, from, to) + AGENT_ARN.length;
            int arnEnd = arn;
            while (arnEnd < to && buffer[arnEnd] != '"') arnEnd++;
            String arnText = new String(buffer, arn, arnEnd - arn, StandardCharsets.ISO_8859_1);
            String key = PartitionKeys.agentKey(arnText, true);
            byte[] fields = Arrays.copyOfRange(buffer, from, from + Math.min(payloadBytes, to - from));
            if (fields.length >= Long.BYTES) LONGS.set(fields, 0, lineNumber);
            return new EncodedEvent(key, fields);
        }

        /** Where {@code pattern} starts in the line; a line without it is not one of the bench data's. */
        private int indexOf(byte[] pattern, int from, int to) {
            outer:
            for (int i = from; i + pattern.length <= to; i++) {
                for (int j = 0; j < pattern.length; j++) {
                    if (buffer[i + j] != pattern[j]) continue outer;
                }
                return i;
            }
            throw new IllegalStateException("line " + lineNumber + " has no \"AgentARN\":\"");
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
