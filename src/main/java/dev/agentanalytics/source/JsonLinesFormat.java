package dev.agentanalytics.source;

import dev.agentanalytics.event.Arrival;
import dev.agentanalytics.parse.AgentEventParser;
import dev.agentanalytics.parse.ParsedRecord;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.reader.SimpleStreamFormat;
import org.apache.flink.connector.file.src.reader.StreamFormat;
import org.apache.flink.core.fs.FSDataInputStream;

/**
 * JSON lines of one input file, one agent event per line, read as bytes (a line that is not UTF-8 must reach the
 * dead letters as it was) and parsed on the spot. Blank lines are not records. A {@code .gz} file is decompressed
 * by the file source. Each event's arrival is its file's place in the replay's file order and its line number
 * ({@link Arrival#ofLine}); the file is never split, so lines are counted from its start, on a restore too.
 */
public class JsonLinesFormat extends SimpleStreamFormat<ParsedRecord> {
    private static final long serialVersionUID = 1L;

    private final int fileIndex;

    public JsonLinesFormat(int fileIndex) {
        this.fileIndex = fileIndex;
    }

    @Override
    public StreamFormat.Reader<ParsedRecord> createReader(Configuration config, FSDataInputStream stream) {
        return new LineReader(stream, fileIndex);
    }

    @Override
    public TypeInformation<ParsedRecord> getProducedType() {
        return TypeInformation.of(ParsedRecord.class);
    }

    private static final class LineReader implements StreamFormat.Reader<ParsedRecord> {
        private final InputStream in;
        private final int fileIndex;
        private final AgentEventParser parser = new AgentEventParser();
        private final byte[] buffer = new byte[64 * 1024];
        private final ByteArrayOutputStream line = new ByteArrayOutputStream(8192);
        private int position;
        private int limit;
        private long lineNumber;

        LineReader(InputStream in, int fileIndex) {
            this.in = in;
            this.fileIndex = fileIndex;
        }

        @Override
        public ParsedRecord read() throws IOException {
            byte[] bytes;
            while ((bytes = nextLine()) != null) {
                lineNumber++;
                if (!isBlank(bytes)) {
                    return parser.parse(bytes, System.currentTimeMillis(), Arrival.ofLine(fileIndex, lineNumber));
                }
            }
            return null;
        }

        /** The next line without its terminator (LF or CRLF), or null at the end of the file. */
        private byte[] nextLine() throws IOException {
            line.reset();
            boolean sawAny = false;
            while (true) {
                if (position == limit) {
                    limit = in.read(buffer);
                    position = 0;
                    if (limit <= 0) {
                        limit = 0;
                        return sawAny ? stripCarriageReturn(line.toByteArray()) : null;
                    }
                }
                int start = position;
                while (position < limit && buffer[position] != '\n') position++;
                line.write(buffer, start, position - start);
                sawAny = true;
                if (position < limit) {
                    position++; // the newline
                    return stripCarriageReturn(line.toByteArray());
                }
            }
        }

        private static byte[] stripCarriageReturn(byte[] bytes) {
            if (bytes.length > 0 && bytes[bytes.length - 1] == '\r') {
                return java.util.Arrays.copyOf(bytes, bytes.length - 1);
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
