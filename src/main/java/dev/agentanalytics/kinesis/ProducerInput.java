package dev.agentanalytics.kinesis;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.agentanalytics.config.JobConfig;
import dev.agentanalytics.source.simulator.ContactCenterSimulator;
import dev.agentanalytics.source.simulator.SimulatedRecord;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.zip.GZIPInputStream;

/** What the producer sends: the simulator's records, or the lines of a JSON-lines file. */
public final class ProducerInput {
    private static final JsonFactory JSON = new JsonFactory();
    /** Kinesis' limit on partition keys, in characters. */
    static final int MAX_PARTITION_KEY_LENGTH = 256;

    private ProducerInput() {}

    /** The simulated contact center, keyed by AgentARN (a malformed record by the agent it pretends to be). */
    public static Iterator<OutgoingRecord> simulated(JobConfig.SimulatorSettings settings, long maxDelayMillis) {
        ContactCenterSimulator simulator = new ContactCenterSimulator(settings, maxDelayMillis);
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return simulator.hasNext();
            }

            @Override
            public OutgoingRecord next() {
                SimulatedRecord record = simulator.next();
                return new OutgoingRecord(record.partitionKey, record.payload);
            }
        };
    }

    /**
     * The non-blank lines of a JSON-lines file ({@code .gz} decompressed), as bytes: a line that is not valid JSON
     * or not UTF-8 is sent as it is, so the job's dead letters see what a replay of the file sees.
     */
    public static LineRecords jsonLines(Path file) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        if (file.getFileName().toString().endsWith(".gz")) in = new GZIPInputStream(in, 1 << 16);
        return new LineRecords(in);
    }

    /**
     * The AgentARN of an agent event, read with a streaming parser that stops at that field; for a line without a
     * usable one (invalid JSON, no AgentARN, over 256 characters) a hash of the line, so such lines still spread.
     */
    static String partitionKeyOf(byte[] line) {
        try (JsonParser parser = JSON.createParser(line)) {
            if (parser.nextToken() == JsonToken.START_OBJECT) {
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String field = parser.getCurrentName();
                    JsonToken value = parser.nextToken();
                    if ("AgentARN".equals(field) && value == JsonToken.VALUE_STRING) {
                        String arn = parser.getText();
                        if (!arn.isEmpty() && arn.length() <= MAX_PARTITION_KEY_LENGTH) return arn;
                        break;
                    }
                    parser.skipChildren();
                }
            }
        } catch (IOException invalidJson) {
            // falls through to the hash: the job routes the line to its dead letters
        }
        return "line-" + Integer.toHexString(java.util.Arrays.hashCode(line));
    }

    /** Lines of a file as records, read lazily; LF or CRLF, blank lines skipped (as the file replay does). */
    public static final class LineRecords implements Iterator<OutgoingRecord>, Closeable {
        private final InputStream in;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream(8192);
        private byte[] next;
        private boolean ended;

        LineRecords(InputStream in) {
            this.in = in;
        }

        @Override
        public boolean hasNext() {
            try {
                while (next == null && !ended) {
                    byte[] candidate = readLine();
                    if (candidate != null && !isBlank(candidate)) next = candidate;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return next != null;
        }

        @Override
        public OutgoingRecord next() {
            if (!hasNext()) throw new NoSuchElementException();
            byte[] data = next;
            next = null;
            return new OutgoingRecord(partitionKeyOf(data), data);
        }

        private byte[] readLine() throws IOException {
            line.reset();
            int b;
            while ((b = in.read()) != -1 && b != '\n') line.write(b);
            if (b == -1) {
                ended = true;
                if (line.size() == 0) return null;
            }
            byte[] bytes = line.toByteArray();
            if (bytes.length > 0 && bytes[bytes.length - 1] == '\r') {
                bytes = java.util.Arrays.copyOf(bytes, bytes.length - 1);
            }
            return bytes;
        }

        private static boolean isBlank(byte[] bytes) {
            for (byte b : bytes) {
                if (b != ' ' && b != '\t' && b != '\r') return false;
            }
            return true;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
