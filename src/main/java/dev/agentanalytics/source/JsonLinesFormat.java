package dev.agentanalytics.source;

import dev.agentanalytics.config.JobConfig.RecordSettings;
import dev.agentanalytics.event.Arrival;
import dev.agentanalytics.output.DeadLetterRow;
import dev.agentanalytics.parse.AgentEventParser;
import dev.agentanalytics.parse.ByteScan;
import dev.agentanalytics.parse.ParsedRecord;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.reader.SimpleStreamFormat;
import org.apache.flink.connector.file.src.reader.StreamFormat;
import org.apache.flink.core.fs.FSDataInputStream;

/**
 * JSON lines of one input file, one agent event per line, read as bytes (a line that is not UTF-8 must reach the
 * dead letters as it was) and parsed on the spot. Blank lines are not records; a byte-order mark that starts the
 * file is not part of its first line. A {@code .gz} file is decompressed by the file source. Each event's arrival is
 * its file's place in the replay's file order and its line number ({@link Arrival#ofLine}); the file is never split,
 * so lines are counted from its start, on a restore too.
 *
 * <p>Hostile files cannot stop the job nor exhaust its memory: a line longer than {@code max-record-size} is not
 * held in memory beyond its first bytes (it becomes a dead letter), and a file that cannot be read to its end (a
 * gzip member cut off, a read error) ends with one dead letter saying so, after every line read before.
 */
public class JsonLinesFormat extends SimpleStreamFormat<ParsedRecord> {
    private static final long serialVersionUID = 1L;
    /**
     * The reader's buffer: large enough that few lines straddle two fills (a record is 3-8 KB); such a line is found
     * first and then parsed, every other line is parsed where it lies as its end is found.
     */
    static final int BUFFER_BYTES = 256 * 1024;

    private final int fileIndex;
    private final String fileName;
    private final RecordSettings settings;

    public JsonLinesFormat(int fileIndex, String fileName, RecordSettings settings) {
        this.fileIndex = fileIndex;
        this.fileName = fileName;
        this.settings = settings;
    }

    @Override
    public StreamFormat.Reader<ParsedRecord> createReader(Configuration config, FSDataInputStream stream) {
        return new LineReader(stream);
    }

    @Override
    public TypeInformation<ParsedRecord> getProducedType() {
        return TypeInformation.of(ParsedRecord.class);
    }

    private final class LineReader implements StreamFormat.Reader<ParsedRecord> {
        private final InputStream in;
        /** Fills the buffer; a line that straddles two fills is found before it is parsed. */
        private final BufferFills fills;
        private final AgentEventParser parser = new AgentEventParser(settings);
        private final byte[] buffer = new byte[BUFFER_BYTES];
        /** The line being read when it spans reads of the buffer. */
        private byte[] line = new byte[8192];
        private int lineKept;
        private int position;
        private int limit;
        private long lineNumber;
        /** Bytes of the current line, kept or not. */
        private long lineBytes;
        /**
         * The current line, without its end: {@code current[currentStart, currentStart + currentLength)}, in the
         * buffer (almost every line) or in {@link #line}; valid until the next read. The parser copies what it keeps.
         */
        private byte[] current;
        private int currentStart;
        private int currentLength;
        private boolean ended;

        LineReader(InputStream in) {
            this.in = in;
            this.fills = new BufferFills(in);
        }

        @Override
        public ParsedRecord read() {
            while (!ended) {
                ParsedRecord ordinary = ordinaryRecord();
                if (ordinary != null) return ordinary;
                boolean read;
                try {
                    read = nextLine();
                } catch (IOException e) {
                    ended = true;
                    lineNumber++;
                    String reason = "the rest of the file could not be read: " + e;
                    return ParsedRecord.invalid(DeadLetterRow.of(System.currentTimeMillis(), reason, new byte[0],
                            0, settings.keepPayloads)).at(fileName, Long.toString(lineNumber));
                }
                if (!read) return null;
                lineNumber++;
                if (lineNumber == 1) skipByteOrderMark();
                if (!isBlank()) {
                    return parser.parse(current, currentStart, currentLength, lineBytes, System.currentTimeMillis(),
                            Arrival.ofLine(fileIndex, lineNumber)).at(fileName, Long.toString(lineNumber));
                }
            }
            return null;
        }

        /**
         * The next line's record when it is an ordinary one that lies whole in the buffer, read in the same pass
         * that finds the line's end ({@link AgentEventParser#parseLine}); else null, nothing consumed, and the line
         * is found first and then parsed (the file's first line always is: the buffer is empty before it).
         */
        private ParsedRecord ordinaryRecord() {
            if (position == limit || buffer[position] != '{') return null;
            ParsedRecord record = parser.parseLine(buffer, position, limit, System.currentTimeMillis(),
                    Arrival.ofLine(fileIndex, lineNumber + 1));
            if (record == null) return null;
            position = parser.lineEnd() + 1;
            lineNumber++;
            return record.at(fileName, Long.toString(lineNumber));
        }

        /**
         * Moves to the next line, false at the end of the file. Of a line longer than the record size limit, only
         * the first bytes past it are kept; {@link #lineBytes} counts them all. A line that lies whole in the
         * buffer, almost every line, is not copied at all.
         */
        private boolean nextLine() throws IOException {
            lineKept = 0;
            lineBytes = 0;
            int lastByte = -1;
            while (true) {
                if (position == limit) {
                    limit = fills.fill(buffer);
                    position = 0;
                    if (limit == 0) {
                        limit = 0;
                        ended = true;
                        if (lastByte < 0) return false;
                        setCurrent(line, 0, lineKept, lastByte);
                        return true;
                    }
                }
                int start = position;
                int end = ByteScan.indexOfNewline(buffer, start, limit);
                position = end;
                if (end > start) lastByte = buffer[end - 1] & 0xFF; // unsigned: negative means none yet
                if (end < limit && lineBytes == 0) { // the whole line in the buffer
                    position++; // the newline
                    lineBytes = end - start;
                    setCurrent(buffer, start, Math.min(end - start, keptAtMost()), lastByte);
                    return true;
                }
                keep(start, end);
                lineBytes += end - start;
                if (end < limit) {
                    position++;
                    setCurrent(line, 0, lineKept, lastByte);
                    return true;
                }
            }
        }

        /** Appends buffer[start, end) to the line, up to {@link #keptAtMost()} bytes. */
        private void keep(int start, int end) {
            int room = keptAtMost() - lineKept;
            int n = Math.max(0, Math.min(room, end - start));
            if (lineKept + n > line.length) line = Arrays.copyOf(line, Math.max(line.length * 2, lineKept + n));
            System.arraycopy(buffer, start, line, lineKept, n);
            lineKept += n;
        }

        /**
         * The bytes of a line kept: the size limit, one byte to tell "too long", a CR, and a byte-order mark (the
         * first line's, removed after).
         */
        private int keptAtMost() {
            return settings.maxRecordBytes + 5;
        }

        /** The line read, without the CR of a CRLF end of line. */
        private void setCurrent(byte[] from, int start, int length, int lastByte) {
            current = from;
            currentStart = start;
            currentLength = length;
            if (lastByte == '\r') {
                boolean whole = length == lineBytes; // else the line was cut at the size limit and keeps its tail
                lineBytes--;
                if (whole) currentLength--;
            }
        }

        private void skipByteOrderMark() {
            if (currentLength >= 3 && (current[currentStart] & 0xFF) == 0xEF
                    && (current[currentStart + 1] & 0xFF) == 0xBB && (current[currentStart + 2] & 0xFF) == 0xBF) {
                currentStart += 3;
                currentLength -= 3;
                lineBytes -= 3;
            }
        }

        private boolean isBlank() {
            for (int i = currentStart; i < currentStart + currentLength; i++) {
                byte b = current[i];
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
