package dev.agentanalytics.sink;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.apache.flink.core.fs.FSDataOutputStream;

/**
 * A part file in memory: what a {@link JsonLinesWriter} has written to it so far, how often it wrote, and its
 * syncs (how many, how many bytes the file had at the last, from which thread).
 */
class BytesFile extends FSDataOutputStream {
    final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int writes;
    volatile int syncs;
    volatile int bytesAtLastSync = -1;
    volatile Thread lastSyncedBy;

    @Override
    public void write(int b) {
        bytes.write(b);
        writes++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
        bytes.write(b, off, len);
        writes++;
    }

    @Override
    public long getPos() {
        return bytes.size();
    }

    @Override
    public void flush() {}

    @Override
    public void sync() throws IOException {
        syncs++;
        bytesAtLastSync = bytes.size();
        lastSyncedBy = Thread.currentThread();
    }

    @Override
    public void close() {}
}
