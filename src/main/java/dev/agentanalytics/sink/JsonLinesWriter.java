package dev.agentanalytics.sink;

import java.io.IOException;
import java.util.Arrays;
import org.apache.flink.api.common.serialization.BulkWriter;
import org.apache.flink.core.fs.FSDataOutputStream;
import org.apache.flink.formats.json.JsonSerializationSchema;

/**
 * One part file of a table: one row, one line of JSON ({@link RowJson}), a plain row written directly
 * ({@link PlainRowWriter}), any other through Jackson; the bytes are the same either way.
 *
 * <p>Lines are gathered in a buffer and written to the file some tens of kilobytes at a time. The file sink calls
 * {@link #flush()} before it persists a part and {@link #finish()} before it closes one, and with its
 * roll-on-checkpoint policy it does both at every checkpoint and at the end of input, so no committed row is ever
 * left in the buffer. Why: the file system's stream writes straight through to the file, and a write per row (two,
 * with its newline) was most of the job's system time while the engine wrote its rows.
 */
final class JsonLinesWriter<T> implements BulkWriter<T> {
    /** About sixteen pages: few writes, and little copied twice. */
    static final int BUFFER_BYTES = 64 * 1024;
    private static final byte[] NEWLINE = {'\n'};

    private final FSDataOutputStream file;
    private final JsonSerializationSchema<T> schema = RowJson.schema();
    private boolean opened;
    /** The rows' class, and its plain writer (null when its rows always go through Jackson). */
    private Class<?> rowClass;
    private PlainRowWriter plain;
    private byte[] buffer = new byte[BUFFER_BYTES];
    private int length;

    JsonLinesWriter(FSDataOutputStream file) {
        this.file = file;
    }

    @Override
    public void addElement(T row) throws IOException {
        if (!opened) {
            schema.open(null); // only builds the mapper
            opened = true;
        }
        if (row.getClass() != rowClass) {
            rowClass = row.getClass();
            plain = PlainRowWriter.of(rowClass, RowJson.mapper());
        }
        if (plain != null && writtenPlain(row)) {
            append(plain.bytes(), plain.length());
        } else {
            byte[] json = schema.serialize(row);
            append(json, json.length);
        }
        append(NEWLINE, 1);
        if (length >= BUFFER_BYTES) writeBuffer();
    }

    @Override
    public void flush() throws IOException {
        writeBuffer();
        file.flush();
    }

    @Override
    public void finish() throws IOException {
        flush(); // the file sink closes the stream itself
    }

    private void append(byte[] bytes, int count) {
        if (length + count > buffer.length) buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + count));
        System.arraycopy(bytes, 0, buffer, length, count);
        length += count;
    }

    private void writeBuffer() throws IOException {
        if (length == 0) return;
        file.write(buffer, 0, length);
        length = 0;
        if (buffer.length > BUFFER_BYTES) buffer = new byte[BUFFER_BYTES]; // after one very long row
    }

    private boolean writtenPlain(T row) {
        try {
            return plain.write(row);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("public field of " + rowClass + " not readable", e);
        }
    }

    /** What the file sink makes a writer of each new part file with. */
    static final class Factory<T> implements BulkWriter.Factory<T> {
        private static final long serialVersionUID = 1L;

        @Override
        public BulkWriter<T> create(FSDataOutputStream file) {
            return new JsonLinesWriter<>(file);
        }
    }
}
