package dev.agentanalytics.sink;

import java.io.IOException;
import org.apache.flink.api.common.serialization.BulkWriter;
import org.apache.flink.core.fs.FSDataOutputStream;

/**
 * One part file of a table, one row per line ({@link JsonLineEncoder}).
 *
 * <p>Lines are gathered in a buffer and written to the file some kilobytes at a time. Nothing is committed from the
 * buffer: a bulk-format file sink must roll its parts at every checkpoint, so it closes every part before each
 * checkpoint's barrier and at the end of input, and closing a part calls {@link #flush()} and {@link #finish()}
 * first; a part is committed only after that. Why: the file system's stream writes straight through to the file,
 * and a write per row (two, with its newline) was most of the job's system time while the engine wrote its rows.
 */
final class JsonLinesWriter<T> implements BulkWriter<T> {
    /**
     * Two pages, some thirty rows: a write for each instead of two for each row. Small, because every open part
     * has one, and a BATCH replay of months keeps a part of every table open for every hour until its end.
     */
    static final int BUFFER_BYTES = 8 * 1024;

    private final FSDataOutputStream file;
    private final JsonLineEncoder<T> encoder;
    private final byte[] buffer = new byte[BUFFER_BYTES];
    private int length;

    JsonLinesWriter(FSDataOutputStream file, JsonLineEncoder<T> encoder) {
        this.file = file;
        this.encoder = encoder;
    }

    @Override
    public void addElement(T row) throws IOException {
        encoder.encode(row);
        int count = encoder.length();
        if (length + count > BUFFER_BYTES) writeBuffer();
        if (count > BUFFER_BYTES) {
            file.write(encoder.bytes(), 0, count); // a row longer than the buffer goes as it is
        } else {
            System.arraycopy(encoder.bytes(), 0, buffer, length, count);
            length += count;
        }
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

    private void writeBuffer() throws IOException {
        if (length == 0) return;
        file.write(buffer, 0, length);
        length = 0;
    }

    /** What the file sink makes a writer of each new part file with; one per sink subtask. */
    static final class Factory<T> implements BulkWriter.Factory<T> {
        private static final long serialVersionUID = 1L;
        private transient JsonLineEncoder<T> encoder;

        @Override
        public BulkWriter<T> create(FSDataOutputStream file) {
            if (encoder == null) encoder = new JsonLineEncoder<>();
            return new JsonLinesWriter<>(file, encoder);
        }
    }
}
