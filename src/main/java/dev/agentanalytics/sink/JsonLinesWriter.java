package dev.agentanalytics.sink;

import java.io.IOException;
import org.apache.flink.api.common.serialization.BulkWriter;
import org.apache.flink.core.fs.FSDataOutputStream;
import org.apache.flink.core.fs.local.LocalRecoverableFsDataOutputStream;

/**
 * One part file of a table, one row per line ({@link JsonLineEncoder}).
 *
 * <p>Lines are gathered in a buffer and written to the file some kilobytes at a time. Nothing is committed from the
 * buffer: a bulk-format file sink must roll its parts at every checkpoint, so it closes every part before each
 * checkpoint's barrier and at the end of input, and closing a part calls {@link #flush()} and {@link #finish()}
 * first; a part is committed only after that. Why: the file system's stream writes straight through to the file,
 * and a write per row (two, with its newline) was most of the job's system time while the engine wrote its rows.
 * On a local disk the first part finished syncs the sink subtask's other open parts together ({@link OpenParts}).
 */
final class JsonLinesWriter<T> implements BulkWriter<T> {
    /**
     * Two pages, some thirty rows: a write for each instead of two for each row. Small, because every open part
     * has one, and a BATCH replay of months keeps a part of every table open for every hour until its end.
     */
    static final int BUFFER_BYTES = 8 * 1024;

    private final FSDataOutputStream file;
    private final JsonLineEncoder<T> encoder;
    private final OpenParts parts;
    private final byte[] buffer = new byte[BUFFER_BYTES];
    private int length;
    /** Bytes went to the file since it was last synced ({@link OpenParts}). */
    private boolean unsyncedInFile;

    /** A part on its own, not synced together with others. */
    JsonLinesWriter(FSDataOutputStream file, JsonLineEncoder<T> encoder) {
        this(file, encoder, null);
    }

    /** A part synced together with the other open parts of {@code parts}, unless that is null. */
    JsonLinesWriter(FSDataOutputStream file, JsonLineEncoder<T> encoder, OpenParts parts) {
        this.file = file;
        this.encoder = encoder;
        this.parts = parts;
        if (parts != null) parts.opened(this);
    }

    @Override
    public void addElement(T row) throws IOException {
        encoder.encode(row);
        int count = encoder.length();
        if (length + count > BUFFER_BYTES) writeBuffer();
        if (count > BUFFER_BYTES) {
            file.write(encoder.bytes(), 0, count); // a row longer than the buffer goes as it is
            unsyncedInFile = true;
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
        if (parts != null) parts.finishing(this);
        flush(); // the file sink syncs and closes the stream itself
    }

    /** Whether this part has bytes not yet synced to its file, in the buffer or written. */
    boolean hasUnsyncedBytes() {
        return length > 0 || unsyncedInFile;
    }

    /** Writes out the buffer and syncs the file ({@link OpenParts}: on a local disk only). */
    void writeOutAndSync() throws IOException {
        flush();
        file.sync();
        unsyncedInFile = false;
    }

    private void writeBuffer() throws IOException {
        if (length == 0) return;
        file.write(buffer, 0, length);
        length = 0;
        unsyncedInFile = true;
    }

    /** What the file sink makes a writer of each new part file with; one per sink subtask. */
    static final class Factory<T> implements BulkWriter.Factory<T> {
        private static final long serialVersionUID = 1L;
        private transient JsonLineEncoder<T> encoder;
        /** This subtask's parts on a local disk (each task attempt deserializes a factory of its own). */
        private transient OpenParts parts;

        @Override
        public BulkWriter<T> create(FSDataOutputStream file) {
            if (encoder == null) {
                encoder = new JsonLineEncoder<>();
                parts = new OpenParts();
            }
            return new JsonLinesWriter<>(file, encoder, onLocalDisk(file) ? parts : null);
        }
    }

    /**
     * Whether {@code file} is a part on a local disk, whose {@code sync} is a sync of the file ({@link OpenParts}).
     * Decided from the stream itself, not from the path: a path without a scheme is on whatever file system the
     * cluster's {@code fs.default-scheme} names, and on S3 a stream's {@code sync} completes the upload, which would
     * publish a part before its checkpoint. Flink hands the bulk writer its local file system's own stream.
     */
    static boolean onLocalDisk(FSDataOutputStream file) {
        return file instanceof LocalRecoverableFsDataOutputStream;
    }
}
