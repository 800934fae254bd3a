package dev.agentanalytics.sink;

import java.io.ByteArrayOutputStream;
import org.apache.flink.core.fs.FSDataOutputStream;

/** A part file in memory: what a {@link JsonLinesWriter} has written to it so far, and how often it wrote. */
final class BytesFile extends FSDataOutputStream {
    final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int writes;

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
    public void sync() {}

    @Override
    public void close() {}
}
