package dev.agentanalytics.benchmark;

import dev.agentanalytics.event.EncodedEvent;
import dev.agentanalytics.event.WireType;
import dev.agentanalytics.parse.ByteScan;
import java.io.IOException;
import java.io.InputStream;
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
 * source, parallelism 2, BATCH, in the same embedded cluster; each line becomes an {@link EncodedEvent} whose key is
 * 22 bytes of the line's AgentARN (as long as the job's BATCH key) and whose fields are the line's first
 * {@code payloadBytes} bytes (the job's encoded events average 938), sent through the same keyed exchange, sorted by
 * key and timestamp, and counted by a keyed function that writes nothing. No JSON is parsed, no engine runs, no
 * table is written: what is left is what Flink itself costs a fresh JVM for a replay of these bytes.
 */
final class FlinkFloorJob {
    private static final byte[] AGENT_ARN = "\"AgentARN\":\"".getBytes(StandardCharsets.US_ASCII);
    private static final int KEY_LENGTH = 22;

    private FlinkFloorJob() {}

    static void run(Configuration flink, java.nio.file.Path input, int payloadBytes) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(flink);
        FileSource<EncodedEvent> files = FileSource
                .forRecordStreamFormat(new Lines(payloadBytes), new Path(input.toUri()))
                .build();
        env.fromSource(files, WatermarkStrategy.<EncodedEvent>noWatermarks()
                        .withTimestampAssigner((event, previous) -> event.fields.length), "lines")
                .setParallelism(2).uid("floor-lines")
                .keyBy(event -> event.key, Types.STRING)
                .process(new Count()).setParallelism(2).uid("floor-count")
                .sinkTo(new DiscardingSink<>()).setParallelism(2).uid("floor-discarded");
        env.execute("benchmark floor");
    }

    /** Counts each key's records; emits nothing. */
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

        LineReader(InputStream in, int payloadBytes) {
            this.in = in;
            this.payloadBytes = payloadBytes;
        }

        @Override
        public EncodedEvent read() throws IOException {
            while (true) {
                int end = ByteScan.indexOfNewline(buffer, position, limit);
                if (end < limit) {
                    EncodedEvent event = event(position, end);
                    position = end + 1;
                    return event;
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
            String key = new String(buffer, Math.max(arn, arnEnd - KEY_LENGTH), Math.min(KEY_LENGTH, arnEnd - arn),
                    StandardCharsets.ISO_8859_1);
            return new EncodedEvent(key, Arrays.copyOfRange(buffer, from, from + Math.min(payloadBytes, to - from)));
        }

        private int indexOf(byte[] pattern, int from, int to) {
            outer:
            for (int i = from; i + pattern.length <= to; i++) {
                for (int j = 0; j < pattern.length; j++) {
                    if (buffer[i + j] != pattern[j]) continue outer;
                }
                return i;
            }
            return to - pattern.length;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
